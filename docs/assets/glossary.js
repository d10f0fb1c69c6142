/* Glossary terms: the editors' definition of a marked term
 * (<span class="sd-term" data-term="anchor">, made focusable by trainer.js)
 * on hover, on keyboard focus and on tap. Loaded by trainer.js on the first
 * such use, with the definitions (kit/glossary.js, window.sdGlossary: each
 * written once for the whole site); window.sdTerms.start(mark, type)
 * takes over from there.
 *
 * One shared tooltip (role=tooltip) describes the term in use; its text is
 * set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var popup = document.createElement("div");
  popup.id = "sd-term-popup";
  popup.className = "sd-term-popup";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  var who = document.createElement("p");
  who.className = "sd-term-popup__who";
  who.textContent = "Editors’ glossary";
  var name = document.createElement("p");
  name.className = "sd-term-popup__term";
  var body = document.createElement("p");
  body.className = "sd-term-popup__definition";
  popup.append(who, name, body);

  var current = null;
  var shownAt = 0;

  function show(mark) {
    // Read when used: this script may run before the data's script.
    var entry = (window.sdGlossary || {})[mark.dataset.term];
    if (!entry) return;
    current = mark;
    shownAt = Date.now();
    name.textContent = entry[0];
    body.textContent = entry[1];
    popup.hidden = false;
    var rect = mark.getBoundingClientRect();
    var left = Math.min(Math.max(8, rect.left), document.documentElement.clientWidth - popup.offsetWidth - 8);
    var top = rect.bottom + 6;
    if (top + popup.offsetHeight > window.innerHeight && rect.top > popup.offsetHeight + 6) {
      top = rect.top - popup.offsetHeight - 6;
    }
    popup.style.left = (left + window.scrollX) + "px";
    popup.style.top = (top + window.scrollY) + "px";
  }

  function hide() {
    current = null;
    popup.hidden = true;
  }

  function markOf(event) {
    return event.target.closest ? event.target.closest(".sd-term[data-term]") : null;
  }

  function handle(type, mark) {
    if (type === "mouseover" || type === "focusin") {
      show(mark);
    } else if (type === "click") {
      // A tap focuses the mark (which shows it); a second tap hides it.
      if (current === mark && Date.now() - shownAt > 400) hide(); else show(mark);
    }
  }

  function start(mark, type) {
    document.body.appendChild(popup);
    document.querySelectorAll(".sd-term[data-term]").forEach(function (each) {
      each.setAttribute("aria-describedby", popup.id);
    });
    ["mouseover", "focusin", "click"].forEach(function (eventType) {
      document.addEventListener(eventType, function (event) {
        var target = markOf(event);
        if (target) handle(eventType, target);
        else if (eventType === "click" && current) hide();
      });
    });
    document.addEventListener("mouseout", function (event) {
      var target = markOf(event);
      if (target && target === current && document.activeElement !== target &&
          !target.contains(event.relatedTarget)) hide();
    });
    document.addEventListener("focusout", function (event) {
      if (markOf(event) === current) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) hide();
    });
    window.addEventListener("resize", hide);
    // What happened while this script loaded: the term that has focus now
    // (the keyboard may have moved on), else the tap, or a hover still on
    // the mark.
    var active = document.activeElement;
    if (active && active.matches && active.matches(".sd-term[data-term]")) {
      show(active);
    } else if (type === "click" || (type === "mouseover" && mark.matches(":hover"))) {
      show(mark);
    }
  }

  window.sdTerms = { start: start };
})();
