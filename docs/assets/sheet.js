/* Footnotes on a touch screen, read in place.

   Material's footnote popover opens on hover and on focus, which a tap only
   imitates: the tap then follows the mark's link down to the footnote list
   (on a 390 px phone, footnote 6 of Declaration 49 moved the page 713 px).
   Here a tap on a footnote mark opens the note in a sheet at the bottom of
   the screen, like Wikipedia's reference drawer, and the page does not
   move. The sheet goes to the top of the screen instead when the mark is
   low enough for it to be hidden, so that the mark stays in sight and a
   second tap on it closes the sheet. The close button, a tap anywhere else
   and Escape close it too.

   Mouse and keyboard keep what they have: Material's popover on hover and
   focus, and the link to the list on click or Enter. After a touch the
   page carries the class sd-touch, which hides Material's popover (it
   would open on the imitated hover, under the sheet); a mouse or the Tab
   key takes the class away.

   The note is copied from the page's own footnote list (li#fn:N), and the
   address of the footnotes page comes from <meta name="sd:footnotes">
   (overrides/main.html): no request, so it works from file:// too.

   This script loads on the first touch of a page with footnote marks (the
   end of assets/reader.js, issue 19): a mouse or keyboard never needs it.
   The loader tells it the pointer of that touch (sdSheetPointer) and the
   mark tapped before it came (sdSheetPending), which it then opens. */
(function () {
  var marks = document.querySelectorAll("a.footnote-ref");
  if (!marks.length || window.sdSheet) return;
  window.sdSheet = true;

  var root = document.documentElement;
  var listPage = document.querySelector('meta[name="sd:footnotes"]');
  var sheet = null;
  var title = null;
  var body = null;
  var more = null;
  var current = null;
  var lastPointer = window.sdSheetPointer || "mouse";

  // Material Design Icons "close" (Apache 2.0), inline: no icon font.
  var CLOSE_ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">' +
    '<path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41Z"/></svg>';

  function build() {
    sheet = document.createElement("div");
    sheet.id = "sd-sheet";
    sheet.className = "sd-sheet md-typeset";
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-labelledby", "sd-sheet-title");
    sheet.tabIndex = -1;
    sheet.hidden = true;

    var head = document.createElement("div");
    head.className = "sd-sheet__head";
    title = document.createElement("p");
    title.id = "sd-sheet-title";
    title.className = "sd-sheet__title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "sd-sheet__close";
    close.setAttribute("aria-label", "Close the footnote");
    close.innerHTML = CLOSE_ICON;
    close.addEventListener("click", function () { hide(true); });
    head.append(title, close);

    body = document.createElement("div");
    body.className = "sd-sheet__body";
    more = document.createElement("p");
    more.className = "sd-sheet__more";
    sheet.append(head, body, more);
    // Inside the main landmark, where screen readers look for the page's
    // content (axe's region rule).
    (document.querySelector("main") || document.body).appendChild(sheet);
  }

  // The note's own content, without its "back to the text" arrows, and
  // without ids that would repeat the page's.
  function copyOfNote(note) {
    var parts = [];
    note.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.classList.contains("sd-backrefs")) return;
      var copy = node.cloneNode(true);
      if (copy.nodeType === 1) {
        copy.removeAttribute("id");
        copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      }
      parts.push(copy);
    });
    return parts;
  }

  function linkToList(number) {
    if (!listPage) return [];
    var link = document.createElement("a");
    link.href = listPage.getAttribute("content") + "#footnote-" + encodeURIComponent(number);
    link.textContent = "Every paragraph that cites footnote " + number;
    return [link];
  }

  // At the bottom, unless the sheet would hide the mark: then at the top.
  function place(mark) {
    sheet.classList.remove("sd-sheet--top");
    var markBox = mark.getBoundingClientRect();
    if (markBox.bottom > window.innerHeight - sheet.offsetHeight - 8) {
      sheet.classList.add("sd-sheet--top");
    }
  }

  function show(mark) {
    var note = document.getElementById(decodeURIComponent(mark.hash.slice(1)));
    if (!note) return false;
    if (!sheet) build();
    var number = mark.textContent.trim();
    title.textContent = "Footnote " + number;
    body.replaceChildren.apply(body, copyOfNote(note));
    more.replaceChildren.apply(more, linkToList(number));
    more.hidden = !listPage;
    current = mark;
    sheet.hidden = false;
    sheet.scrollTop = 0;
    place(mark);
    sheet.focus({ preventScroll: true });
    return true;
  }

  // restoreFocus: back to the mark (close button, Escape, second tap), not
  // when the reader tapped somewhere else.
  function hide(restoreFocus) {
    if (!current) return;
    var mark = current;
    current = null;
    sheet.hidden = true;
    if (restoreFocus) mark.focus({ preventScroll: true });
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    root.classList.toggle("sd-touch", lastPointer === "touch" || lastPointer === "pen");
    if (current && !sheet.contains(event.target) && !current.contains(event.target)) hide(false);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab") {
      lastPointer = "keyboard";
      root.classList.remove("sd-touch");
    }
    if (event.key === "Escape" && current) hide(true);
  });

  marks.forEach(function (mark) {
    mark.addEventListener("click", function (event) {
      var pointer = event.pointerType || lastPointer;
      // Enter on a focused mark is a click with no pointer.
      if (event.detail === 0 && !event.pointerType) pointer = "keyboard";
      if (pointer !== "touch" && pointer !== "pen") return;
      if (current === mark) {
        event.preventDefault();
        hide(true);
      } else if (show(mark)) {
        event.preventDefault();
      }
    });
  });

  window.addEventListener("resize", function () { if (current) place(current); });

  var pending = window.sdSheetPending;
  window.sdSheetPending = null;
  if (pending) show(pending);
})();
