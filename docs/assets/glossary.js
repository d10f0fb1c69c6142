/* Glossary terms: the first use of a term on a page
 * (build_scripts/render/glossary_marks.py marks it as
 * <span class="sd-term" data-term="anchor">) shows the editors'
 * definition on hover, on keyboard focus and on tap.
 *
 * The definitions are in the kit's data (kit/glossary.js: each written
 * once for the whole site), loaded by a script element, which works from
 * file://. Only then do marks become focusable and underlined: without
 * the data nothing suggests a definition that cannot be shown. One shared
 * tooltip (role=tooltip) describes the term in use; its text is set with
 * textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var marks = document.querySelectorAll(".sd-term[data-term]");
  if (!marks.length) return;
  var DATA_URL = new URL("../kit/glossary.js", document.currentScript.src).href;

  function start() {
    var glossary = window.sdGlossary;
    var tip = document.createElement("div");
    tip.id = "sd-term-tip";
    tip.className = "sd-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var who = document.createElement("p");
    who.className = "sd-term-tip__who";
    who.textContent = "Editors’ glossary";
    var name = document.createElement("p");
    name.className = "sd-term-tip__term";
    var body = document.createElement("p");
    body.className = "sd-term-tip__definition";
    tip.append(who, name, body);
    document.body.appendChild(tip);

    var current = null;
    var shownAt = 0;

    function show(mark) {
      var entry = glossary[mark.dataset.term];
      current = mark;
      shownAt = Date.now();
      name.textContent = entry[0];
      body.textContent = entry[1];
      tip.hidden = false;
      var rect = mark.getBoundingClientRect();
      var left = Math.min(Math.max(8, rect.left), document.documentElement.clientWidth - tip.offsetWidth - 8);
      var top = rect.bottom + 6;
      if (top + tip.offsetHeight > window.innerHeight && rect.top > tip.offsetHeight + 6) {
        top = rect.top - tip.offsetHeight - 6;
      }
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
    }

    function hide() {
      current = null;
      tip.hidden = true;
    }

    marks.forEach(function (mark) {
      if (!glossary[mark.dataset.term]) return;
      mark.tabIndex = 0;
      mark.setAttribute("aria-describedby", tip.id);
      mark.addEventListener("mouseenter", function () { show(mark); });
      mark.addEventListener("mouseleave", function () {
        if (current === mark && document.activeElement !== mark) hide();
      });
      mark.addEventListener("focus", function () { show(mark); });
      mark.addEventListener("blur", function () { if (current === mark) hide(); });
      // A tap focuses the mark (which shows it); a second tap hides it.
      mark.addEventListener("click", function () {
        if (current === mark && Date.now() - shownAt > 400) hide(); else show(mark);
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) hide();
    });
    document.addEventListener("click", function (event) {
      if (current && !event.target.closest(".sd-term")) hide();
    });
    window.addEventListener("resize", hide);
  }

  if (window.sdGlossary) {
    start();
  } else {
    var script = document.createElement("script");
    script.src = DATA_URL;
    script.onload = function () { if (window.sdGlossary) start(); };
    document.head.appendChild(script);
  }
})();
