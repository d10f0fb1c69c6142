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
 * - The glossary page and the handout builder: their styles
 *   (kit-pages.css) and the builder's script (builder.js).
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

  if (document.querySelector(".sd-handout-builder, .sd-glossary-definition")) load("kit-pages.css");
  if (document.getElementById("sd-make-handout")) load("builder.js");
})();
