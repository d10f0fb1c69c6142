/* Material's JavaScript loads on the reader's first interaction, not with
   every page (issue 19: its bundle alone is 0.29 of the naive page's
   first-load bytes). The text, our own scripts (previews, footnote sheet,
   Cite, the trainer's kit) and the search button work without it; what
   the bundle adds (footnote tooltips, keyboard shortcuts, the search
   panel's results, the header's title and back-to-top button on scroll)
   starts the moment the reader points, touches, types, focuses, wheels
   or scrolls. overrides/main.html puts this script where Material's
   script tag was and gives it the bundle's address (data-sd-bundle); the
   offline bundle keeps Material's tag, as file:// costs no bytes.

   What the bundle would have done at once is done here, so that nothing
   differs before it comes: the page is marked "js" (Material's CSS hides
   the search button under "no-js") and, on a first visit, the palette
   whose media query matches (dark or light) is applied. What the reader
   does before it comes is not lost: "/", "s" or "f" open search here at
   once (the typed query waits in the field for the index, see
   lazy-search.js); "p", ",", "n", "." and Escape are handed on to
   Material's keyboard handler once it listens; a hovered or focused
   footnote mark gets its tooltip, since Material reads :hover and focus
   as it starts. Material waits for DOMContentLoaded, long past when the
   bundle arrives: its late listener is called at once instead. */
(function () {
  "use strict";
  var me = document.currentScript;
  var src = me && me.getAttribute("data-sd-bundle");
  if (!src) return;
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  // Material's palette on a first visit: the first whose media matches
  // (the page's inline script applies one the reader chose before).
  try {
    if (!(window.__md_get && __md_get("__palette"))) {
      var inputs = document.querySelectorAll("[data-md-component=palette] input[data-md-color-media]");
      for (var i = 0; i < inputs.length; i++) {
        if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) {
          ["media", "scheme", "primary", "accent"].forEach(function (key) {
            document.body.setAttribute("data-md-color-" + key, inputs[i].getAttribute("data-md-color-" + key));
          });
          break;
        }
      }
    }
  } catch (error) { /* the page's own colours stay */ }

  var started = false;  // the bundle was asked for
  var ready = false;    // Material listens: keys and clicks are its own
  var replay = [];
  var TRIGGERS = ["pointerover", "pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll"];
  var options = { capture: true, passive: true };

  function toggle() { return document.querySelector("[data-md-toggle=search]"); }
  function query() { return document.querySelector("[data-md-component=search-query]"); }
  // Material's rule (isSusceptibleToKeyboard): keys typed into a field are
  // the field's, not shortcuts.
  function typing(element, key) {
    if (!element) return false;
    if (element instanceof HTMLInputElement) return element.type === "radio" ? /^Arrow/.test(key) : true;
    if (element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) return true;
    return element.isContentEditable;
  }

  function onKey(event) {
    if (ready || event.metaKey || event.ctrlKey || event.isComposing) return;
    var box = toggle(), field = query();
    var searching = box && box.checked;
    if (!searching && !typing(document.activeElement, event.key)) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && box && field) {
        event.preventDefault();
        event.stopPropagation();
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
        field.focus();
        return;
      }
      if ("pn,.".indexOf(event.key) >= 0 && event.key.length === 1) replay.push(event.key);
    } else if (searching && event.key === "Escape") {
      replay.push(event.key);
    }
  }
  document.addEventListener("keydown", onKey, true);

  // The search button is a label of Material's toggle: it opens the panel
  // without script; the field gets the focus Material would give it.
  document.addEventListener("change", function (event) {
    if (ready || !event.target.matches || !event.target.matches("[data-md-toggle=search]")) return;
    var field = query();
    if (event.target.checked && field && document.activeElement !== field) field.focus();
  }, true);

  // Material opens every <details> for printing.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    if (ready) return;
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.setAttribute("open", "");
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.splice(0).forEach(function (d) { d.removeAttribute("open"); });
  });

  function start(event) {
    // A scroll before the page has loaded is the browser's (an #anchor,
    // a restored position), not the reader's.
    if (event && event.type === "scroll" && document.readyState !== "complete") return;
    if (started) return;
    started = true;
    TRIGGERS.forEach(function (type) { window.removeEventListener(type, start, options); });
    var add = document.addEventListener;
    document.addEventListener = function (type, listener) {
      if (type !== "DOMContentLoaded" || document.readyState === "loading") return add.apply(this, arguments);
      setTimeout(function () {
        var loaded = new Event("DOMContentLoaded");
        if (typeof listener === "function") listener.call(document, loaded); else listener.handleEvent(loaded);
      }, 0);
    };
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      document.addEventListener = add;
      // After Material's DOMContentLoaded listener ran and subscribed.
      setTimeout(function () {
        ready = true;
        replay.splice(0).forEach(function (key) {
          window.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true, cancelable: true }));
        });
      }, 50);
    };
    script.onerror = function () {  // offline for a moment: the next interaction tries again
      document.addEventListener = add;
      script.remove();
      started = false;
      TRIGGERS.forEach(function (type) { window.addEventListener(type, start, options); });
    };
    document.body.appendChild(script);
  }
  TRIGGERS.forEach(function (type) { window.addEventListener(type, start, options); });
})();
