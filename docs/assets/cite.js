/* Copy link, Share and Cite (buttons: build_scripts/templates/fragments.md.j2).
   Copies data-copy (an address, resolved against the page's canonical
   one: a reading view's buttons give only "42/"), or the text of the
   element data-from names; with data-cite or data-locator (no public
   address): the page's own address online, the citation from file://
   (data-locator: the reading view's citation frame joined by the
   paragraph's locator). Share on phones. Cite loads its dialog and the
   citations on first use (script elements load from file:// too). */
(function () {
  var here = document.currentScript ? document.currentScript.src : "";
  var web = /^https?:$/.test(window.location.protocol);
  var status = document.createElement("div");
  status.className = "sd-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    status.parentNode.appendChild(area);
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

  // The public address a button gives, or null.
  function address(button) {
    var copy = button.getAttribute("data-copy");
    if (copy === null) return null;
    var canonical = document.querySelector("link[rel=canonical]");
    return canonical ? new URL(copy, canonical.href).href : copy;
  }

  // The citation a button gives from file://: its own, or the page's
  // frame (a JSON list of pieces) joined by the button's locator.
  function citation(button) {
    var locator = button.getAttribute("data-locator");
    if (locator === null) return button.getAttribute("data-cite");
    return JSON.parse(document.getElementById("sd-cite-frame").textContent).join(locator);
  }

  // What a button gives: {text, done (what it then says), url (or null)}.
  function target(button) {
    var from = button.getAttribute("data-from");
    var text = from ? document.getElementById(from).textContent : address(button);
    if (text === null) {
      if (!web) return { text: citation(button), done: "Citation copied", url: null };
      // In a reading view, the paragraph's own page: its ¶ link, just before.
      var pagelink = button.previousElementSibling;
      var page = pagelink && pagelink.classList.contains("sd-pagelink") ? pagelink.href : window.location.href;
      text = page.split("#")[0];
    }
    var url = /^https?:\/\//.test(text) ? text : null;
    return { text: text, done: button.getAttribute("data-done") || (url ? "Link copied" : "Citation copied"), url: url };
  }

  function say(button, done) {
    status.textContent = done;
    button.classList.add("sd-copy--done");
    var compact = button.classList.contains("sd-copy--compact");
    if (!compact && !button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
    if (!compact) button.textContent = done;
    setTimeout(function () {
      button.classList.remove("sd-copy--done");
      if (!compact) button.textContent = button.getAttribute("data-label");
      status.textContent = "";
    }, 2500);
  }

  function copyFrom(button, what) {
    copy(what.text).then(function () { say(button, what.done); }, function () {
      status.textContent = "Could not copy: select and copy " + what.text;
    });
  }

  var canShare = typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;

  function share(button, what) {
    var title = document.querySelector('meta[property="og:title"]');
    var data = { title: title ? title.content : document.title };
    if (what.url) data.url = what.url; else data.text = what.text;
    navigator.share(data).catch(function (error) {
      if (!error || error.name !== "AbortError") copyFrom(button, what);  // not the reader's cancel
    });
  }

  // The compact buttons' tooltip, given here rather than in each button of
  // a reading view (issue 19); from file:// without a public address they
  // copy the citation, and say so.
  document.querySelectorAll("button.sd-copy--compact").forEach(function (button) {
    button.setAttribute("title", "Copy link");
  });
  document.querySelectorAll("button.sd-copy[data-cite], button.sd-copy[data-locator]").forEach(function (button) {
    if (web) return;
    if (button.classList.contains("sd-copy--compact")) {
      button.setAttribute("aria-label", button.getAttribute("aria-label").replace("Copy link to", "Copy citation of"));
      button.setAttribute("title", "Copy citation");
    } else {
      button.textContent = "Copy citation";
    }
  });
  if (canShare) {
    document.querySelectorAll("button.sd-copy--link").forEach(function (button) { button.textContent = "Share"; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.sd-copy");
    if (!button) return;
    var what = target(button);
    if (canShare && button.classList.contains("sd-copy--link")) share(button, what);
    else copyFrom(button, what);
  });

  var dialog = document.getElementById("sd-cite");
  var opener = document.querySelector("button.sd-cite-open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  var open = null;
  var loading = null;

  function load(tag, url) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      if (tag === "link") { element.rel = "stylesheet"; element.href = url; } else { element.src = url; }
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  opener.addEventListener("click", function () {
    if (open) { open(); return; }
    loading = loading || Promise.all([
      load("link", new URL("cite-dialog.css", here).href),
      load("script", new URL("cite-dialog.js", here).href),
      load("script", new URL("../cite/citations.js", here).href)
    ]);
    loading.then(function () {
      open = window.sdCiteDialog(dialog, opener, status);
      open();
    }, function () {
      loading = null;
      status.textContent = "Could not load the citations";
    });
  });
})();
