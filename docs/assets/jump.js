/* The jump box: type a reference ("42", "op 9", "pp 3", "decl 42",
 * "res pp 3", "13 (a)", "fn 6"), press Enter, and go to its page.
 *
 * Every box is a form.sd-jump[data-sd-jump] (the home page's is written by
 * build_scripts/templates/fragments.md.j2, the header's by
 * overrides/partials/sd-jump.html; the end of assets/reader.js loads this file
 * when a box is first used and leaves a submit made before that in
 * window.sdJumpPending). The map of references is
 * assets/jump-data.js (build_scripts/render/jump.py), a script that sets
 * window.sdJumpData: loaded by a script element, not fetched, so that it
 * works from file:// too, and only when a box is first used.
 *
 * window.sdJump.parse(text) and window.sdJump.resolve(data, text, here)
 * are the rules, in one place, for any other script that reads references
 * (search's jumps use the same words).
 */
(function () {
  "use strict";

  /* -- Parsing rules --------------------------------------------------------
   * 1. Case, spacing and punctuation do not matter: "OP9", "op. 9", "§42",
   *    "13a" and "13 (a)" are read as words ("op", "9"; "13", "a").
   * 2. Kind words (KINDS): pp, preamble, preambular … → a preambular
   *    paragraph; op, operative … → an operative paragraph; p, para,
   *    paragraph, §, ¶, no … → any numbered paragraph; fn, footnote, note …
   *    → a footnote.
   * 3. Part words: a word of a part's name or its slug (data.parts[].words),
   *    or its first three letters or more ("res", "decl", "salv"); "annex"
   *    names the annexes.
   * 4. One number of up to four digits, optionally followed by one letter
   *    (a lettered point).
   * 5. A reference of part words only goes to that part's full text.
   * Anything else (another word, two numbers) is not a reference.
   */
  const KINDS = [
    [/^(pp|pps|preamb\w*|pream|prea)$/, "preamble"],
    [/^(op|ops|oper\w*)$/, "operative"],
    [/^(p|para|paras|paragraphs?|par|§+|¶|no|nr|number)$/, "any"],
    [/^(fn|fns|footnotes?|foot|note|notes)$/, "footnote"]
  ];
  const CONNECTORS = new Set(["of", "the", "in"]);

  function kindOf(word) {
    const found = KINDS.find(([pattern]) => pattern.test(word));
    return found ? found[1] : null;
  }

  function words(text) {
    return text.toLowerCase()
      .replace(/([§¶])/g, " $1 ")
      .replace(/(\d)([a-z])\b/g, "$1 $2")     // "13a" → "13 a"
      .replace(/([a-z§¶])(\d)/g, "$1 $2")     // "op9" → "op 9"
      .split(/[\s,.;:()\[\]#]+/).filter(Boolean);
  }

  function partsNamed(parts, word) {
    return parts.filter(part => part.words.some(w =>
      w === word || (word.length >= 3 && /^[a-z]/.test(word) && w.startsWith(word)))).map(p => p.key);
  }

  /** A typed reference as {kind, parts, num, letter}, or null when it is
   * not one (rules above). */
  function parse(parts, text) {
    const found = { kind: "any", parts: [], num: null, letter: "" };
    const tokens = words(text);
    if (!tokens.length) return null;
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i];
      const kind = kindOf(word);
      const named = partsNamed(parts, word);
      if (/^\d{1,4}$/.test(word) && found.num === null) {
        found.num = String(Number(word));
      } else if (/^[a-z]$/.test(word) && found.num !== null && !found.letter && kind === null) {
        found.letter = word;
      } else if (kind && found.kind === "any" && found.num === null) {
        found.kind = kind;
      } else if (named.length && kind === null) {
        found.parts.push(...named);
      } else if (!CONNECTORS.has(word)) {
        return null;
      }
    }
    if (found.num === null && (found.kind !== "any" || !found.parts.length)) return null;
    return found;
  }

  /* -- Resolution -----------------------------------------------------------
   * Candidates are the paragraphs (or, with a letter, points) with that
   * number, of that kind, in the named parts (every part when none is
   * named). "op N" is the first part's when it has one (the resolution's:
   * "OP 9" is how a resolution's operative paragraphs are cited).
   * When there are several: those in the part being read; then, for
   * "pp N", the first part's. Still several ("9" on the home page): the
   * box lists them to choose from.
   */
  function resolve(data, text, herePart) {
    const ref = parse(data.parts, text);
    if (!ref) return { status: "invalid" };
    if (ref.num === null) {
      const part = data.parts.find(p => p.key === ref.parts[0]);
      return { status: "found", targets: [{ page: part.view, title: `${part.name} (full text)` }] };
    }
    if (ref.kind === "footnote") {
      const ok = data.footnotes.numbers.includes(Number(ref.num));
      return ok
        ? { status: "found", targets: [{ page: data.footnotes.page, anchor: `footnote-${ref.num}`, title: `Footnote ${ref.num}` }] }
        : { status: "none" };
    }
    const inParts = u => !ref.parts.length || ref.parts.includes(u.part);
    const wanted = u => u.num === ref.num && inParts(u) && (ref.letter ? u.letter === ref.letter : !u.letter);
    let found = data.units.filter(u => wanted(u) && (ref.kind === "preamble"
      ? u.kind === "preamble"
      : u.kind === "paragraph" && !u.unnumbered));
    const first = () => {
      const inFirst = found.filter(u => u.part === data.parts[0].key);
      if (inFirst.length) found = inFirst;
    };
    if (found.length > 1 && ref.kind === "operative" && !ref.parts.length) first();
    if (found.length > 1 && herePart) {
      const here = found.filter(u => u.part === herePart);
      if (here.length === 1) found = here;
    }
    if (found.length > 1 && ref.kind === "preamble" && !ref.parts.length) first();
    if (!found.length) return { status: "none" };
    return { status: found.length === 1 ? "found" : "several", targets: found };
  }

  window.sdJump = { parse, resolve };

  /* -- The boxes ------------------------------------------------------------ */

  const config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  const root = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  // The header's box says when this build's pages are .html files (the
  // offline bundle); online they are directories.
  const directoryUrls = !document.querySelector('[data-sd-urls="file"]');

  function href(target) {
    const page = target.page.replace(/\/index$|^index$/, "");
    const path = directoryUrls
      ? (page ? `${page}/` : "")
      : (page ? `${target.page}.html` : "index.html");
    return new URL(path + (target.anchor ? `#${target.anchor}` : ""), root).href;
  }

  let loading = null;
  function load() {
    if (window.sdJumpData) return Promise.resolve(window.sdJumpData);
    if (!loading) {
      loading = new Promise(done => {
        const script = document.createElement("script");
        script.src = new URL("assets/jump-data.js", root).href;
        script.onload = () => done(window.sdJumpData || null);
        script.onerror = () => done(null);
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /** The part of the page being read: a paragraph's page or a full text. */
  function partHere(data) {
    const here = location.href.split("#")[0];
    const unit = data.units.find(u => href(u) === here);
    if (unit) return unit.part;
    const part = data.parts.find(p => href({ page: p.view }) === here);
    return part ? part.key : null;
  }

  function say(box, text, targets) {
    const message = box.querySelector(".sd-jump__message");
    message.replaceChildren(document.createTextNode(text));
    (targets || []).forEach((target, i) => {
      const link = document.createElement("a");
      link.href = href(target);
      link.textContent = target.title;
      message.append(i ? "; " : " ", link);
    });
    if (targets && targets.length) message.append(".");
    box.classList.toggle("sd-jump--said", Boolean(text));
  }

  async function go(box) {
    const input = box.querySelector(".sd-jump__input");
    const text = input.value.trim();
    if (!text) {
      say(box, "Type a paragraph number first, such as " + (input.placeholder || "42") + ".");
      return;
    }
    const data = await load();
    if (!data) {
      say(box, "The list of paragraphs could not be loaded. Use the contents on the home page.");
      return;
    }
    const result = resolve(data, text, partHere(data));
    if (result.status === "found") {
      say(box, "");
      location.href = href(result.targets[0]);
    } else if (result.status === "several") {
      say(box, `“${text}” is in more than one text:`, result.targets);
    } else if (result.status === "none") {
      say(box, `There is no “${text}” in this text. Try ${input.placeholder}.`);
    } else {
      say(box, `“${text}” is not a paragraph reference. Try ${input.placeholder}.`);
    }
  }

  function bind(box) {
    if (box.sdJumpBound) return;
    box.sdJumpBound = true;
    const input = box.querySelector(".sd-jump__input");
    box.addEventListener("submit", event => {
      event.preventDefault();
      go(box);
    });
    input.addEventListener("input", () => say(box, ""));
    input.addEventListener("keydown", event => {
      if (event.key === "Escape") say(box, "");
    });
  }

  document.querySelectorAll("form[data-sd-jump]").forEach(bind);
  load();
  const pending = window.sdJumpPending;
  window.sdJumpPending = null;
  if (pending) go(pending);
})();
