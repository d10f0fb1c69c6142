/* Present mode: one paragraph per screen, in type large enough to read
 * across a room, for a trainer with a projector. Loaded by trainer.js when
 * a "Present" button is first pressed, after present.css and the kit's
 * data (kit/paragraphs.js, window.sdKit); window.sdPresent.open(button)
 * starts it.
 *
 * The buttons (build_scripts/templates/trainer.md.j2) say what to show:
 * data-deck (a theme's eIds), or data-part (a part's paragraphs) from
 * data-start or, in a reading view, from the paragraph in view.
 *
 * Keys are those presentation clickers send: → PageDown Space go on,
 * ← PageUp go back, Home End; F toggles full screen; Escape leaves.
 * The type is as large as fits the screen, never below 32 px on a
 * 1280×720 screen (it scrolls there rather than shrink further).
 */
(function () {
  "use strict";

  var MIN_PX = 32;          // at 1280×720 and larger screens
  var REFERENCE = [1280, 720];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The paragraph of a reading view that the reader is looking at: the
   * first that begins below the header, or the one above it when a long
   * paragraph fills the top half of the screen. */
  function paragraphInView(eids) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var previous = eids[0];
    for (var i = 0; i < eids.length; i++) {
      var node = document.getElementById(eids[i]);
      if (!node) continue;
      var rect = node.getBoundingClientRect();
      if (rect.top >= top - 2) {
        return rect.top > (top + window.innerHeight) / 2 && i > 0 ? previous : eids[i];
      }
      previous = eids[i];
    }
    return previous;
  }

  function deckFor(button, kit) {
    var eids;
    if (button.dataset.deck) {
      eids = button.dataset.deck.split(/\s+/);
    } else {
      var part = button.dataset.part;
      eids = kit.units.filter(function (u) { return u.part === part; }).map(function (u) { return u.eid; });
    }
    var start = button.dataset.start || (button.dataset.part ? paragraphInView(eids) : eids[0]);
    var byEid = {};
    kit.units.forEach(function (u) { byEid[u.eid] = u; });
    var units = eids.map(function (e) { return byEid[e]; }).filter(Boolean);
    var index = Math.max(0, units.findIndex(function (u) { return u.eid === start; }));
    return { units: units, index: index };
  }

  var state = null;

  function build() {
    var root = el("div", "sd-present");
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-modal", "true");
    root.setAttribute("aria-roledescription", "presentation");
    root.tabIndex = -1;
    var head = el("header", "sd-present__head");
    var label = el("p", "sd-present__label");
    var subject = el("p", "sd-present__subject");
    head.append(label, subject);
    var body = el("div", "sd-present__body");
    var text = el("div", "sd-present__text");
    body.appendChild(text);
    var qr = el("div", "sd-present__qr");
    var foot = el("footer", "sd-present__foot");
    var count = el("p", "sd-present__count");
    var address = el("p", "sd-present__address");
    var controls = el("p", "sd-present__controls");
    var buttons = [
      ["Back", "←", function () { go(-1); }],
      ["Next", "→", function () { go(1); }],
      ["Full screen", "F", toggleFullscreen],
      ["Leave", "Esc", close],
    ].map(function (spec) {
      var b = el("button", "sd-present__button", spec[0]);
      b.type = "button";
      b.setAttribute("aria-keyshortcuts", spec[1] === "←" ? "ArrowLeft" : spec[1] === "→" ? "ArrowRight" : spec[1] === "Esc" ? "Escape" : "F");
      b.title = spec[0] + " (" + spec[1] + ")";
      b.addEventListener("click", spec[2]);
      return b;
    });
    controls.append.apply(controls, buttons);
    foot.append(count, controls, address);
    root.append(head, body, qr, foot);
    return { root: root, label: label, subject: subject, body: body, text: text, qr: qr, count: count, address: address };
  }

  function show() {
    var unit = state.units[state.index];
    var v = state.view;
    v.root.setAttribute("aria-label", unit.label);
    v.label.textContent = unit.label;
    v.subject.textContent = "";
    v.subject.hidden = !unit.editorial;
    if (unit.editorial) {
      // The subject is the editors' words, never the text's: said so.
      v.subject.append(el("span", "sd-present__tag", "Editors’ subject"), document.createTextNode(" " + unit.subject));
    }
    v.text.innerHTML = unit.html; // built and escaped by the site generator
    v.qr.textContent = "";
    v.qr.hidden = !unit.qr;
    v.root.classList.toggle("sd-present--qr", Boolean(unit.qr));
    if (unit.qr) {
      v.qr.innerHTML = unit.qr; // segno's SVG, from the generator
      var svg = v.qr.querySelector("svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "QR code of " + unit.url);
    }
    v.address.textContent = unit.url ? unit.url.replace(/^https:\/\//, "") : "";
    v.count.textContent = (state.index + 1) + " / " + state.units.length;
    fit();
  }

  /* The largest whole pixel size at which the text fits its box, between
   * the floor and a tenth of the screen's height. */
  function fit() {
    var v = state.view;
    var scale = Math.min(window.innerWidth / REFERENCE[0], window.innerHeight / REFERENCE[1], 1);
    var floor = Math.max(16, Math.floor(MIN_PX * scale));
    var ceiling = Math.max(floor, Math.floor(window.innerHeight / 10));
    var fits = function (px) {
      v.text.style.fontSize = px + "px";
      return v.body.scrollHeight <= v.body.clientHeight;
    };
    var low = floor, high = ceiling;
    if (!fits(low)) { v.text.style.fontSize = low + "px"; v.body.scrollTop = 0; return; }
    while (low < high) {
      var mid = Math.ceil((low + high) / 2);
      if (fits(mid)) low = mid; else high = mid - 1;
    }
    v.text.style.fontSize = low + "px";
    v.body.scrollTop = 0;
  }

  function go(step) {
    var next = Math.min(state.units.length - 1, Math.max(0, state.index + step));
    if (next !== state.index) { state.index = next; show(); }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (state.view.root.requestFullscreen) {
      state.view.root.requestFullscreen().catch(function () { /* refused: stay windowed */ });
    }
  }

  function onKey(event) {
    if (!state || event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " " || key === "Spacebar") go(1);
    else if (key === "ArrowLeft" || key === "PageUp") go(-1);
    else if (key === "Home") go(-state.index);
    else if (key === "End") go(state.units.length);
    else if (key === "f" || key === "F") toggleFullscreen();
    else if (key === "Escape") close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function open(button) {
    if (state) return;
    var deck = deckFor(button, window.sdKit);
    if (!deck.units.length) return;
    state = { units: deck.units, index: deck.index, view: build(), opener: button };
    document.body.appendChild(state.view.root);
    document.documentElement.classList.add("sd-presenting");
    document.addEventListener("keydown", onKey, true);
    window.addEventListener("resize", fit);
    document.addEventListener("fullscreenchange", fit);
    show();
    state.view.root.focus();
  }

  function close() {
    if (!state) return;
    if (document.fullscreenElement) document.exitFullscreen();
    document.removeEventListener("keydown", onKey, true);
    window.removeEventListener("resize", fit);
    document.removeEventListener("fullscreenchange", fit);
    state.view.root.remove();
    document.documentElement.classList.remove("sd-presenting");
    var opener = state.opener;
    state = null;
    opener.focus();
  }

  window.sdPresent = { open: open };
})();
