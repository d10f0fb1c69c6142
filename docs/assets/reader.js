/* Escape dismisses an open footnote popover (WCAG 1.4.13). Material's
   tooltip opens on hover and focus but has no key to close it: blurring the
   mark and telling it the pointer left closes it, and the browser keeps the
   mark as the starting point of the next Tab. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var open = document.querySelector(".md-tooltip2--active");
  if (!open) return;
  var active = document.activeElement;
  if (active && active.classList.contains("footnote-ref")) active.blur();
  document.querySelectorAll(".footnote-ref").forEach(function (mark) {
    mark.dispatchEvent(new MouseEvent("mouseleave"));
    mark.dispatchEvent(new MouseEvent("mouseout"));
  });
  open.dispatchEvent(new MouseEvent("mouseleave"));
  open.dispatchEvent(new MouseEvent("mouseout"));
});
