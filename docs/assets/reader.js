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

/* A reading view's printed numbers link to their own paragraph: their
   tooltip says so, given here once rather than in each number (issue 19). */
document.querySelectorAll("a.sd-permalink").forEach(function (number) {
  number.setAttribute("title", "Link to this paragraph here");
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
  // Inside the main landmark, so that screen readers find it in the page's
  // structure; main and its container are not positioned, so the offsets
  // below stay relative to the body.
  (document.querySelector("main") || document.body).appendChild(popover);

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

    popover.style.maxHeight = "";
    var rect = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    var top = smallScreen.matches ? besideParagraph(link, rect) : besideLink(rect);
    popover.style.left = (left + window.scrollX) + "px";
    popover.style.top = (top + window.scrollY) + "px";
  }

  // Where the preview goes, in the window's coordinates. With a mouse on a
  // wide screen: under the link (over it when there is no room below).
  function besideLink(rect) {
    var below = rect.bottom + 8;
    return below + popover.offsetHeight > window.innerHeight && rect.top - popover.offsetHeight - 8 > 0
      ? rect.top - popover.offsetHeight - 8
      : below;
  }

  // On a phone or a touch screen the preview must not hide the paragraph
  // being read: it goes under the paragraph or over it, where the screen
  // has room, held to that room (it scrolls inside). Only when the
  // paragraph leaves less than MIN_ROOM px on both sides (it fills the
  // screen) does it go beside the link's own line, which it never hides.
  var smallScreen = window.matchMedia("(max-width: 59.984375em), (pointer: coarse)");
  var MIN_ROOM = 120;

  function besideParagraph(link, rect) {
    var block = link.closest(".sd-para, p, li") || link;
    var box = block.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    var below = window.innerHeight - box.bottom - 16;
    var above = box.top - ceiling - 16;
    if (below < MIN_ROOM && above < MIN_ROOM) {
      box = rect;
      below = window.innerHeight - rect.bottom - 16;
      above = rect.top - ceiling - 16;
    }
    if (popover.offsetHeight > below && (above > below || popover.offsetHeight <= above)) {
      if (popover.offsetHeight > above) popover.style.maxHeight = above + "px";
      return box.top - popover.offsetHeight - 8;
    }
    if (popover.offsetHeight > below) popover.style.maxHeight = Math.max(below, 0) + "px";
    return box.bottom + 8;
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

/* Printing shows where each link leads, as a public https:// address, also
   from the offline bundle: a link is resolved where the page really is
   (file://…/resolution/9.html or http://…/resolution/9/), its path below the
   site's top folder (Material's config "base") is written as the directory
   URL MkDocs publishes (9.html → 9/, index.html → ./), and that path is put
   under the public address of the top folder, which is the page's canonical
   address less the page's own path. */
(function () {
  var canonical = document.querySelector("link[rel=canonical]");
  var config = document.getElementById("__config");
  if (!canonical || !config) return;

  function directoryPath(path) {
    if (path === "index.html" || path.slice(-11) === "/index.html") return path.slice(0, -10);
    if (path.slice(-5) === ".html") return path.slice(0, -5) + "/";
    return path;
  }

  try {
    var top = new URL(JSON.parse(config.textContent).base + "/", window.location.href).href;
    var here = window.location.href.split("#")[0].split("?")[0];
    if (here.indexOf(top) !== 0) return;
    var ownPath = directoryPath(here.slice(top.length));
    var publicTop = canonical.href.slice(0, canonical.href.length - ownPath.length);
    if (canonical.href.slice(publicTop.length) !== ownPath) return;
  } catch (error) { return; /* no address is better than a wrong one */ }

  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.classList.contains("footnote-ref") ||
        link.classList.contains("footnote-backref") || link.classList.contains("sd-pagelink")) return;
    try {
      var target = new URL(href, window.location.href);
      var printed = target.href;
      if (printed.indexOf(top) === 0) {
        printed = publicTop + directoryPath(target.href.slice(top.length).split(/[?#]/)[0]) + target.hash;
      }
      link.setAttribute("data-print-href", printed);
    } catch (error) { /* leave the link as it is */ }
  });
})();

/* Material's search panel and footnote popovers are dialogs with no name;
   screen readers and audits (axe's and Lighthouse's aria-dialog-name) want
   one. A popover takes its mark's name ("Footnote 6"): Material adds it to
   the page when the mark is first hovered or focused, after giving the
   mark aria-controls. */
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");

  function nameAfterMark(node) {
    if (!node.classList || !node.classList.contains("md-tooltip2") || node.hasAttribute("aria-label")) return;
    var mark = document.querySelector('[aria-controls="' + node.id + '"]');
    if (mark && mark.hasAttribute("aria-label")) node.setAttribute("aria-label", mark.getAttribute("aria-label"));
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(nameAfterMark); });
  }).observe(document.body, { childList: true });
})();

/* The jump box: loads assets/jump.js when a box is first used (see its
   opening comment), and leaves a submit made before that for it. */
(function (d) {
  var script;
  function wake(event) {
    var box = event.target.closest && event.target.closest("form[data-sd-jump]");
    if (!box || window.sdJump) return;
    if (event.type === "submit") {
      event.preventDefault();
      window.sdJumpPending = box;
    }
    if (script) return;
    script = d.createElement("script");
    script.src = JSON.parse(d.getElementById("__config").textContent).base + "/assets/jump.js";
    d.head.appendChild(script);
  }
  d.addEventListener("focusin", wake);
  d.addEventListener("submit", wake);
})(document);

/* The footnote sheet (assets/sheet.js) is for touch screens: it loads on
   the first touch or pen of a page with footnote marks. Until it runs,
   the page is marked as touched (sd-touch: Material's popover stays shut)
   and a tap on a mark is kept for the sheet instead of following the link. */
(function (d) {
  if (!d.querySelector("a.footnote-ref")) return;
  var script;
  d.addEventListener("pointerdown", function (event) {
    if (window.sdSheet) return;
    window.sdSheetPointer = event.pointerType || "mouse";
    var touch = window.sdSheetPointer === "touch" || window.sdSheetPointer === "pen";
    d.documentElement.classList.toggle("sd-touch", touch);
    if (!touch || script) return;
    script = d.createElement("script");
    script.src = JSON.parse(d.getElementById("__config").textContent).base + "/assets/sheet.js";
    d.head.appendChild(script);
  }, true);
  d.addEventListener("click", function (event) {
    var pointer = window.sdSheetPointer;
    if (window.sdSheet || (pointer !== "touch" && pointer !== "pen") || event.detail === 0) return;
    var mark = event.target.closest && event.target.closest("a.footnote-ref");
    if (!mark) return;
    event.preventDefault();
    window.sdSheetPending = mark;
  }, true);
})(document);
