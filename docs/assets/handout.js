/* The handout page (overrides/handout.html, handouts/print.md): the
 * address says what to hand out — ?p=declaration-42,declaration-49
 * (handout names, eIds, or printed numbers where only one part has that
 * number) or ?theme=cybercrime (that theme's paragraphs, in document
 * order). The paragraphs come from the kit's data (kit/paragraphs.js,
 * loaded before this script): their text, footnotes, public address and
 * QR code, as the generator escaped them. Every text from the address is
 * set with textContent.
 */
(function () {
  "use strict";

  var kit = window.sdKit;
  var holder = document.querySelector(".sd-handout[data-sd-handout]");
  if (!kit || !holder) return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var byEid = {};
  var byName = {};
  var byShort = {};
  kit.units.forEach(function (u) {
    byEid[u.eid] = u;
    byName[u.name] = u;
    (byShort[u.short] = byShort[u.short] || []).push(u);
  });

  var query = new URLSearchParams(window.location.search);

  /* A page of the site from here: "declaration/42" → "../declaration/42.html"
   * in the bundle, "../../declaration/42/" online. */
  function pageLink(page) {
    var body = document.body.dataset;
    return body.sdBase + "/" + page + (body.sdUrls === "file" ? ".html" : "/");
  }

  /* What the address asks for: ?p=a,b and ?p=a&p=b alike. */
  function requested() {
    var names = [];
    query.getAll("p").forEach(function (value) {
      value.split(/[\s,]+/).forEach(function (name) { if (name) names.push(name); });
    });
    return names;
  }

  function resolve(names, problems) {
    var found = [];
    names.forEach(function (name) {
      var unit = byEid[name] || byName[name];
      if (!unit && byShort[name]) {
        if (byShort[name].length === 1) {
          unit = byShort[name][0];
        } else {
          problems.push("“" + name + "” is a paragraph number in more than one part: use " +
            byShort[name].map(function (u) { return u.name; }).join(" or ") + ".");
          return;
        }
      }
      if (!unit) {
        problems.push("There is no paragraph “" + name + "”: use a name such as " + kit.units[kit.units.length - 1].name + ".");
        return;
      }
      if (found.indexOf(unit) < 0) found.push(unit);
    });
    return found;
  }

  // An editors' note under a paragraph or a footnote, marked as theirs.
  function editorsNote(html) {
    var editors = el("p", "sd-editors");
    editors.appendChild(el("span", "sd-editors__tag", "Editors’ note: "));
    var words = el("span");
    words.innerHTML = html; // escaped by the generator
    editors.appendChild(words);
    return editors;
  }

  function footnoteItem(number) {
    var note = kit.footnotes[number];
    var item = el("li");
    item.appendChild(el("span", "sd-num", number));
    item.appendChild(document.createTextNode(" "));
    var body = el("span");
    if (note.html === null) {
      body.textContent = "The source prints no text for this footnote.";
    } else {
      body.innerHTML = note.html; // escaped by the generator
    }
    item.appendChild(body);
    if (note.resolved) item.appendChild(el("span", "sd-resolved", " (That is: " + note.resolved + ")"));
    note.notes.forEach(function (html) { item.appendChild(editorsNote(html)); });
    return item;
  }

  function paragraph(unit) {
    var section = el("section", "sd-handout-para");
    section.id = unit.eid;
    section.appendChild(el("h2", "", unit.label));
    if (unit.editorial) {
      var subject = el("p", "sd-subject-line");
      subject.appendChild(el("span", "sd-editors__tag", "Editors’ subject: "));
      subject.appendChild(document.createTextNode(unit.subject));
      section.appendChild(subject);
    }
    var text = el("div", "sd-handout-text");
    text.innerHTML = unit.html; // escaped by the generator
    section.appendChild(text);
    unit.notes.forEach(function (html) { section.appendChild(editorsNote(html)); });
    if (unit.footnotes.length) {
      var list = el("ul", "sd-handout-notes");
      list.setAttribute("aria-label", "Footnotes");
      unit.footnotes.forEach(function (n) { list.appendChild(footnoteItem(String(n))); });
      section.appendChild(list);
    }
    if (unit.url) {
      var where = el("div", "sd-handout-address");
      var code = el("div", "sd-handout-qr");
      code.innerHTML = unit.qr; // segno's SVG, from the generator
      var svg = code.querySelector("svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "QR code of " + unit.url);
      var line = el("p");
      line.appendChild(document.createTextNode("Read it online: "));
      var link = el("a", "", unit.url);
      link.href = unit.url;
      line.appendChild(link);
      where.append(code, line);
      section.appendChild(where);
    }
    return section;
  }

  var problems = [];
  var slug = query.get("theme");
  var theme = slug === null ? null : kit.themes[slug];
  var units;
  if (slug === null) {
    units = resolve(requested(), problems);
  } else if (theme) {
    units = theme.eids.map(function (e) { return byEid[e]; });
  } else {
    units = [];
    var slugs = Object.keys(kit.themes);
    problems.push("There is no theme “" + slug + "”" +
      (slugs.length ? ": use a name such as " + slugs[0] + "." : ": this document has no themes."));
  }

  /* Back to where a one-paragraph or a theme's handout comes from. */
  var back = holder.querySelector(".sd-handout-back");
  var from = theme ? {label: "Theme: " + theme.title, page: theme.page}
    : units.length === 1 ? {label: units[0].label, page: units[0].page} : null;
  if (back && from) {
    back.textContent = from.label;
    back.href = pageLink(from.page);
  }

  var tools = el("p", "sd-handout-tools");
  var print = el("button", "sd-handout-print", "Print");
  print.type = "button";
  print.addEventListener("click", function () { window.print(); });
  tools.appendChild(print);
  holder.appendChild(tools);

  problems.forEach(function (problem) {
    var notice = el("p", "sd-handout-notice", problem);
    notice.setAttribute("role", "alert");
    holder.appendChild(notice);
  });
  if (!units.length) {
    if (!problems.length) {
      holder.appendChild(el("p", "sd-handout-notice",
        "No paragraphs chosen: tick them on the Handouts page, or name them in the address, as in ?p=" +
        kit.units.slice(-3).map(function (u) { return u.name; }).join(",") + "."));
    }
    print.disabled = true;
    return;
  }

  var parts = {};
  units.forEach(function (u) { parts[u.part] = true; });
  var keys = Object.keys(parts);
  var sheet = el("article", "sd-handout-sheet");
  var head = el("header", "sd-handout-head");
  head.appendChild(el("p", "sd-handout-kind", theme ? "Handout · Theme: " + theme.title : "Handout"));
  head.appendChild(el("h1", "", keys.length === 1 ? kit.parts[keys[0]].title : kit.title));
  if (kit.source) head.appendChild(el("p", "sd-source", kit.source));
  sheet.appendChild(head);
  units.forEach(function (u) { sheet.appendChild(paragraph(u)); });
  var foot = el("footer", "sd-handout-foot");
  foot.appendChild(el("p", "", kit.site + ": an unofficial edition. Subjects and notes are the editors’, not the text."));
  sheet.appendChild(foot);
  holder.appendChild(sheet);
  document.title = "Handout: " + (theme ? theme.title : units.map(function (u) { return u.label; }).join("; ")) +
    " - " + kit.site;
})();
