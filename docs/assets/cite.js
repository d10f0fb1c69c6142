/* Copy link, Share and Cite (build_scripts/templates/fragments.md.j2 writes
   the buttons and the Cite dialog; this script is their behaviour).

   What a copy button gives:
   - data-copy: the text to copy, written by the site generator: the public
     https:// address of a paragraph (the same online and from file://), or
     a citation;
   - data-cite, when the site has no public address: online, the page's own
     address (the paragraph's page, from its ¶ link in a reading view); from
     file://, where a file path would help nobody, the citation instead, and
     the button says so.
   On a phone (coarse pointer) with a system share sheet, Copy link is Share:
   the title and the address (or the citation) go to the share sheet, and a
   refusal other than the reader's own cancel falls back to copying. */
(function () {
  var web = window.location.protocol === "http:" || window.location.protocol === "https:";

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
    (status.parentNode || document.body).appendChild(area);
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

  /* {text, done, url}: what the button copies, what it then says, and the
     address it stands for (null when it copies a citation). */
  function target(button) {
    if (button.hasAttribute("data-copy")) {
      var text = button.getAttribute("data-copy");
      var isLink = /^https:\/\//.test(text);
      return { text: text, done: button.getAttribute("data-done") || "Link copied", url: isLink ? text : null };
    }
    if (!button.hasAttribute("data-cite")) return null;
    if (web) {
      var pagelink = button.previousElementSibling;
      var href = pagelink && pagelink.classList.contains("sd-pagelink") ? pagelink.href : window.location.href;
      var url = href.split("#")[0];
      return { text: url, done: "Link copied", url: url };
    }
    return { text: button.getAttribute("data-cite"), done: "Citation copied", url: null };
  }

  function say(button, done) {
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
      if (!error || error.name !== "AbortError") copyFrom(button, what);
    });
  }

  // From file:// with no public address, the buttons copy the citation: say so.
  document.querySelectorAll("button.sd-copy[data-cite]").forEach(function (button) {
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
    if (!what) return;
    if (canShare && button.classList.contains("sd-copy--link")) share(button, what);
    else copyFrom(button, what);
  });

  /* The Cite dialog: a modal <dialog>, so that focus stays in it and Escape
     closes it; focus goes to its first button on opening and back to Cite
     on closing. The status line moves into it while it is open (what is
     outside a modal dialog is inert, and would not be announced). */
  var dialog = document.getElementById("sd-cite");
  var opener = document.querySelector("button.sd-cite-open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  opener.addEventListener("click", function () {
    dialog.appendChild(status);
    dialog.showModal();
    var first = dialog.querySelector("button");
    if (first) first.focus();
  });
  dialog.addEventListener("close", function () {
    document.body.appendChild(status);
    opener.focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", function (event) {
    var box = dialog.getBoundingClientRect();
    if (event.target === dialog && (event.clientX < box.left || event.clientX > box.right ||
        event.clientY < box.top || event.clientY > box.bottom)) dialog.close();
  });

  /* Downloads: the paragraph's BibTeX, RIS and CSL-JSON entries are in the
     page (script.sd-cite-data), so that they download from file:// too. */
  var data = document.querySelector("script.sd-cite-data");
  var entries = data ? JSON.parse(data.textContent) : {};
  var formats = {
    bib: { type: "application/x-bibtex", extension: ".bib" },
    ris: { type: "application/x-research-info-systems", extension: ".ris" },
    csl: { type: "application/vnd.citationstyles.csl+json", extension: ".csl.json" }
  };
  dialog.querySelectorAll("button.sd-download").forEach(function (button) {
    var format = formats[button.getAttribute("data-format")];
    var text = entries[button.getAttribute("data-format")];
    if (!format || !text) { button.hidden = true; return; }
    button.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([text], { type: format.type + ";charset=utf-8" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = entries.key + format.extension;
      dialog.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    });
  });
})();
