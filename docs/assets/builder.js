/* The handout builder (handouts/index.md, loaded there by trainer.js):
 * "Make the handout" carries the ticked paragraphs, in document order, to
 * the custom handout (?p=…). */
(function () {
  "use strict";

  var make = document.getElementById("sd-make-handout");
  var form = document.querySelector(".sd-handout-builder");
  if (make && form) {
    make.addEventListener("click", function (event) {
      var chosen = Array.prototype.map.call(form.querySelectorAll("input[name=p]:checked"), function (box) {
        return box.value;
      });
      if (!chosen.length) {
        event.preventDefault();
        var hint = document.getElementById("sd-make-hint") || document.createElement("p");
        hint.id = "sd-make-hint";
        hint.setAttribute("role", "status");
        hint.textContent = "Tick at least one paragraph first.";
        make.after(hint);
        return;
      }
      make.href = make.href.split("?")[0] + "?p=" + chosen.join(",");
    });
    make.dataset.ready = "true";
  }
})();
