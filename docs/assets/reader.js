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

/* Previews of cross-references. Material's instant previews fetch the target
   page, which cannot work from file://; here the text of every paragraph a
   page refers to is embedded in the page (script.sd-previews) and shown
   from there. Hover or focus opens the preview; it stays open while the
   pointer is on it (WCAG 1.4.13); Escape closes it. On touch, the first tap
   opens it and a second tap follows the link; Enter always follows it. */
(function () {
  var texts = {};
  document.querySelectorAll("script.sd-previews").forEach(function (element) {
    var data = JSON.parse(element.textContent);
    Object.keys(data).forEach(function (key) { texts[key] = data[key]; });
  });
  var links = document.querySelectorAll("a.sd-ref[data-preview]");
  if (!links.length) return;

  var popover = document.createElement("div");
  popover.id = "sd-preview";
  popover.className = "sd-preview md-typeset";
  popover.setAttribute("role", "tooltip");
  popover.hidden = true;
  document.body.appendChild(popover);

  var owner = null;
  var hideTimer = null;
  var lastPointer = "mouse";
  // Whether the preview was already open for a link when a touch on it
  // began: the browser's emulated mouseenter opens it before the click.
  var openAtTouch = false;

  function cancelHide() {
    if (hideTimer) { clearTimeout(hideTimer); hideTimer = null; }
  }

  function hide() {
    cancelHide();
    if (owner) owner.removeAttribute("aria-describedby");
    popover.hidden = true;
    owner = null;
  }

  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, 300);
  }

  function show(link) {
    var entry = texts[link.getAttribute("data-preview")];
    if (!entry) return;
    cancelHide();
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    owner = link;
    var label = document.createElement("p");
    label.className = "sd-preview__label";
    label.textContent = entry.label;
    var body = document.createElement("div");
    body.className = "sd-preview__body";
    body.innerHTML = entry.html; // built and escaped by the site generator
    popover.replaceChildren(label, body);
    popover.hidden = false;
    link.setAttribute("aria-describedby", popover.id);

    var rect = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    var below = rect.bottom + 8;
    var top = below + popover.offsetHeight > window.innerHeight && rect.top - popover.offsetHeight - 8 > 0
      ? rect.top - popover.offsetHeight - 8
      : below;
    popover.style.left = (left + window.scrollX) + "px";
    popover.style.top = (top + window.scrollY) + "px";
  }

  links.forEach(function (link) {
    link.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType;
      openAtTouch = owner === link && !popover.hidden;
    });
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hideSoon);
    link.addEventListener("click", function (event) {
      var touch = lastPointer === "touch" || lastPointer === "pen";
      lastPointer = "mouse";
      if (touch && !openAtTouch) {
        event.preventDefault();
        show(link);
      }
    });
  });
  popover.addEventListener("mouseenter", cancelHide);
  popover.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !popover.hidden) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (!popover.hidden && event.target !== owner && !popover.contains(event.target) &&
        !(owner && owner.contains(event.target))) hide();
  });
})();
