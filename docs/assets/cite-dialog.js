/* The Cite dialog, loaded by cite.js when Cite is first pressed, after
   cite/citations.js (window.sdCitations: by citation key, the dialog's
   content, escaped by the site generator, and the unit's BibTeX, RIS and
   CSL-JSON). A modal <dialog>: focus stays in it, Escape closes it. Focus
   goes to its first button on opening and back to Cite on closing; the
   status line moves into it while it is open (what is outside a modal
   dialog is inert, and would not be announced). Returns the function that
   opens it. */
window.sdCiteDialog = function (dialog, opener, status) {
  var key = dialog.getAttribute("data-key");
  var entry = window.sdCitations[key];
  var formats = {
    bib: { type: "application/x-bibtex", extension: ".bib" },
    ris: { type: "application/x-research-info-systems", extension: ".ris" },
    csl: { type: "application/vnd.citationstyles.csl+json", extension: ".csl.json" }
  };
  dialog.innerHTML = entry.dialog;

  function download(name) {
    var url = URL.createObjectURL(new Blob([entry[name]], { type: formats[name].type + ";charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = key + formats[name].extension;
    dialog.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  dialog.addEventListener("close", function () {
    document.body.appendChild(status);
    opener.focus();
  });
  dialog.addEventListener("click", function (event) {
    var box = dialog.getBoundingClientRect();
    // A click on the backdrop (outside the dialog's box) closes it too.
    if (event.target === dialog && (event.clientX < box.left || event.clientX > box.right ||
        event.clientY < box.top || event.clientY > box.bottom)) dialog.close();
    var button = event.target.closest && event.target.closest("button.sd-download");
    if (button) download(button.getAttribute("data-format"));
  });

  return function open() {
    dialog.appendChild(status);
    dialog.showModal();
    dialog.querySelector("button").focus();
  };
};
