/* The trainer's kit on every page, kept small: what it needs at first is
 * here, the rest loads on first use (script and link elements, which work
 * from file:// where fetch() does not), so that a reader who never
 * presents or points at a term downloads none of it.
 *
 * - "Present" buttons (hidden until now: without this script they would do
 *   nothing): the first press loads present.css, present.js and the kit's
 *   data (kit/paragraphs.js), then present mode opens.
 * - Glossary terms (build_scripts/render/glossary_marks.py): each becomes
 *   focusable; the first hover, focus or tap on one loads glossary.css,
 *   glossary.js and the definitions (kit/glossary.js), which show it.
 * - The handout builder (handouts/index.md): "Make the handout" carries the
 *   ticked paragraphs, in document order, to the custom handout (?p=…).
 */
(function () {
  "use strict";

  var here = document.currentScript.src;
  var loads = {};

  /* A stylesheet or script beside this one (or in ../kit/), once. */
  function load(path) {
    if (!loads[path]) {
      loads[path] = new Promise(function (resolve, reject) {
        var node;
        if (/\.css$/.test(path)) {
          node = document.createElement("link");
          node.rel = "stylesheet";
          node.href = new URL(path, here).href;
        } else {
          node = document.createElement("script");
          node.src = new URL(path, here).href;
        }
        node.onload = resolve;
        node.onerror = function () { delete loads[path]; reject(new Error("cannot load " + path)); };
        document.head.appendChild(node);
      });
    }
    return loads[path];
  }

  function all(paths) {
    return Promise.all(paths.map(load));
  }

  document.querySelectorAll(".sd-present-open").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      all(["present.css", "present.js", "../kit/paragraphs.js"]).then(function () {
        window.sdPresent.open(button);
      }, function () {
        button.textContent = "Present (its files are missing)";
      });
    });
  });

  var marks = document.querySelectorAll(".sd-term[data-term]");
  marks.forEach(function (mark) { mark.tabIndex = 0; });
  if (marks.length) {
    var first = function (event) {
      var mark = event.target.closest && event.target.closest(".sd-term[data-term]");
      if (!mark) return;
      ["mouseover", "focusin", "click"].forEach(function (type) {
        document.removeEventListener(type, first, true);
      });
      all(["glossary.css", "glossary.js", "../kit/glossary.js"]).then(function () {
        window.sdTerms.start(mark, event.type);
      });
    };
    ["mouseover", "focusin", "click"].forEach(function (type) {
      document.addEventListener(type, first, true);
    });
  }

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
  }
})();
