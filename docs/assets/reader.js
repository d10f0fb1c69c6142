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

/* Copy link and Cite: copy the text in data-copy (the paragraph's public
   https:// address, or its citation followed by that address, both written
   by the site generator so that they are right from file:// too) and say
   so, on the button and to screen readers. */
(function () {
  var status = document.createElement("div");
  status.className = "sd-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.sd-copy");
    if (!button) return;
    var done = button.getAttribute("data-done") || "Link copied";
    copy(button.getAttribute("data-copy")).then(function () {
      status.textContent = done;
      button.classList.add("sd-copy--done");
      if (!button.classList.contains("sd-copy--compact")) {
        if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
        button.textContent = done;
      }
      setTimeout(function () {
        button.classList.remove("sd-copy--done");
        if (button.hasAttribute("data-label")) button.textContent = button.getAttribute("data-label");
        status.textContent = "";
      }, 2500);
    }, function () {
      status.textContent = "Could not copy: select and copy " + button.getAttribute("data-copy");
    });
  });
})();

/* Printing shows where each link leads, as a public https:// address: the
   page's canonical address resolves the relative links. */
(function () {
  var canonical = document.querySelector("link[rel=canonical]");
  if (!canonical) return;
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.classList.contains("footnote-ref") ||
        link.classList.contains("footnote-backref") || link.classList.contains("sd-pagelink")) return;
    try {
      var target = new URL(href, canonical.href);
      if (target.pathname.slice(-11) === "/index.html") target.pathname = target.pathname.slice(0, -10);
      else if (target.pathname.slice(-5) === ".html") target.pathname = target.pathname.slice(0, -5) + "/";
      link.setAttribute("data-print-href", target.href);
    } catch (error) { /* leave the link as it is */ }
  });
})();

/* Material's search panel is a dialog with no name; screen readers and
   audits (Lighthouse's aria-dialog-name) want one. */
(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
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
