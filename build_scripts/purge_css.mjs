// Removes from Material's stylesheets (site/assets/stylesheets/*.min.css)
// the rules that no page of the built site and no script can use.
//   node build_scripts/purge_css.mjs SITE_DIR [CACHE_DIR [ASKED_FILE] | --full | --selectors]
//     [--features=FEATURE,…]
// Run by build_scripts/purge.py after MkDocs has written every page, so the
// content PurgeCSS reads is the whole site: every HTML page, Material's
// bundle and the site's own scripts. Reading the scripts keeps the classes
// they add at run time whenever their names are written out in them; the
// safelist below keeps those the bundle composes from parts, and the states
// it sets through data-md-* attributes. The browser tests (search, tooltips,
// footnote sheet, previews, print, both colour schemes) are what verify it.
//
// What PurgeCSS keeps depends on the pages only through the names and
// values its selectors ask about: this script extracts what PurgeCSS would
// from every page and script, keeps of it only what some selector of the
// stylesheets can ask about (below, "asked"), and gives PurgeCSS that
// alone. The key printed on stdout ({"key", "purged"}) is the digest of
// exactly those inputs (with the stylesheets, the safelist, the blocklist,
// this script and the installed packages), so an edit to a paragraph's
// words gives the same key. Given CACHE_DIR, when CACHE_DIR/<key>/ exists
// the site is left untouched ("purged": false) and purge.py copies the
// stylesheets kept there. --full gives PurgeCSS everything extracted, as
// read (no key, no cache): the tests check that it writes the same bytes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ExtractorResultSets, PurgeCSS, defaultOptions } from "purgecss";

// postcss and the selector parser that PurgeCSS itself loads, so that
// selectors are read here as PurgeCSS reads them.
const purgecssMain = createRequire(import.meta.url).resolve("purgecss");
const fromPurgeCSS = createRequire(purgecssMain);
const postcss = fromPurgeCSS("postcss");
const selectorParser = fromPurgeCSS("postcss-selector-parser");

const featuresOption = process.argv.slice(2).find((argument) => argument.startsWith("--features="));
const [site, option, askedOption] = process.argv.slice(2).filter((argument) => !argument.startsWith("--features="));
const full = option === "--full";
// --selectors prints what the key is made of from the pages and scripts
// (build_scripts/purge_key.py computes the same in Python; the tests
// compare them), and purges nothing.
const selectorsOnly = option === "--selectors";
const cache = full || selectorsOnly ? undefined : option;
// Material's features (theme.features in mkdocs.yml): the one that adds
// markup of its own at run time (instant loading's progress bar) is named
// there, not in any page's markup.
const themeFeatures = featuresOption ? featuresOption.slice("--features=".length).split(",").filter(Boolean) : [];
if (!site || !existsSync(join(site, "assets", "stylesheets"))) {
  console.error(`purge_css.mjs: error: ${site ?? "(no argument)"} is not a built site ` +
    "(no assets/stylesheets/); pass the site directory MkDocs built");
  process.exit(2);
}

function walk(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

const files = walk(site);
// Material's search worker and lunr build no markup: they are not read.
const content = files.filter((path) =>
  path.endsWith(".html") ||
  (path.endsWith(".js") && !relative(site, path).startsWith(join("assets", "javascripts", "workers")) &&
   !relative(site, path).startsWith(join("assets", "javascripts", "lunr"))));
const stylesheets = files.filter((path) =>
  relative(site, path).startsWith(join("assets", "stylesheets")) && path.endsWith(".min.css"));

// Custom properties that the site's own stylesheets and scripts read
// (var(--md-default-fg-color), …): PurgeCSS looks for uses only in the
// stylesheets it purges, and would drop their declarations.
const own = files.filter((path) => /\.(css|js)$/.test(path) && !stylesheets.includes(path) &&
  !relative(site, path).startsWith(join("assets", "javascripts")));
const ownVariables = [...new Set(own.flatMap((path) => readFileSync(path, "utf8").match(/--[\w-]+/g) ?? []))];

const html = content.filter((path) => path.endsWith(".html")).map((path) => readFileSync(path, "utf8"));

// The pages are read for what a selector can match — element names,
// attributes and their values, classes, ids — not for their text, whose
// words ("note", "example", "quote") would keep the rules of admonition
// types no page has.
function fromHtml(text) {
  const tags = new Set(), names = new Set(), values = new Set(), classes = new Set(), ids = new Set();
  for (const [, tag, attributes] of text.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(tag.toLowerCase());
    for (const [, name, , double, single, bare] of attributes.matchAll(/([^\s=/"']+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const value = double ?? single ?? bare;
      names.add(name.toLowerCase());
      if (value === undefined) continue;
      values.add(value);
      for (const word of value.split(/\s+/)) if (word) values.add(word);
      if (name === "class") for (const word of value.split(/\s+/)) if (word) classes.add(word);
      if (name === "id") ids.add(value);
    }
  }
  return { tags: [...tags], attributes: { names: [...names], values: [...values] }, classes: [...classes], ids: [...ids], undetermined: [] };
}

const safelist = {
  variables: ownVariables,
  // Material's bundle writes out the classes it sets at run time (search
  // results, header, sidebar and navigation states, the dialog, the
  // back-to-top button), so reading it keeps their rules; the tooltips'
  // position and state classes are also composed, and the focus-visible
  // polyfill adds js-focus-visible.
  greedy: [
    /md-tooltip/,
    /js-/,
    // States and schemes Material sets through attributes at run time
    // (data-md-state, data-md-scrollfix, data-md-color-scheme from the
    // reader's system setting, …) and the text direction. The primary and
    // accent colours are not set at run time: only those the pages name
    // (data-md-color-primary="indigo") keep their rules.
    /data-md-(?!color-primary|color-accent)/, /\[dir=/, /\[hidden/,
  ],
};

// What PurgeCSS extracts from the pages and scripts, as it would from the
// files (ExtractorResultSets is its own merge): the pages through fromHtml,
// the scripts through its default extractor, whose words land in
// "undetermined", a set asked for every kind of name.
const extracted = new ExtractorResultSets([]);
for (const text of html) extracted.merge(fromHtml(text));
for (const path of content.filter((path) => !path.endsWith(".html"))) {
  extracted.merge(defaultOptions.defaultExtractor(readFileSync(path, "utf8")));
}

// What the stylesheets' selectors ask about. PurgeCSS 8 (shouldKeepSelector,
// isAttributeFound) looks a selector's parts up in the extracted sets: a
// class, id or tag by its name (hasClass, hasId, hasTag), an attribute by
// its name (hasAttrName), then by its value: = a value equal to it
// (hasAttrValue), ^= and |= one starting with it (hasAttrPrefix), $= one
// ending with it (hasAttrSuffix), *= and ~= for each of its
// space-separated words one containing it (hasAttrSubstr) — among the
// attribute values and the "undetermined" words. A name or value that
// answers none of these questions changes nothing: it is left out (and so
// is every other operator's value, as if contained: more than needed).
// Safelisted variables are matched to the names of the custom properties
// declared (isVariablesSafelisted).
const sheets = stylesheets.map((path) => readFileSync(path));
const digest = (bytes) => createHash("sha256").update(bytes).digest("hex");
const modules = purgecssMain.slice(0, purgecssMain.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length);
const lock = join(modules, ".package-lock.json");
// What the result depends on besides the site's pages and scripts.
const fixed = {
  script: digest(readFileSync(fileURLToPath(import.meta.url))),
  purgecss: JSON.parse(readFileSync(join(modules, "purgecss", "package.json"), "utf8")).version,
  packages: existsSync(lock) ? digest(readFileSync(lock)) : null,
  stylesheets: stylesheets.map((path, i) => [relative(site, path).split(sep).join("/"), digest(sheets[i])]),
};

function askedBy(sheets) {
  const asked = { tags: new Set(), names: new Set(), classes: new Set(), ids: new Set(), variables: new Set(),
    equal: new Set(), prefixes: new Set(), suffixes: new Set(), contained: new Set() };
  const collect = selectorParser((root) => root.walk((node) => {
    if (node.type === "tag") asked.tags.add(node.value);
    else if (node.type === "class") asked.classes.add(node.value);
    else if (node.type === "id") asked.ids.add(node.value);
    else if (node.type === "attribute") {
      asked.names.add(node.attribute);
      if (node.value === undefined) return;
      if (node.operator === "=") asked.equal.add(node.value);
      else if (node.operator === "^=" || node.operator === "|=") asked.prefixes.add(node.value);
      else if (node.operator === "$=") asked.suffixes.add(node.value);
      else for (const word of node.value.trim().split(" ")) asked.contained.add(word);
    }
  }));
  for (const bytes of sheets) {
    const root = postcss.parse(bytes.toString("utf8"));
    root.walkRules((rule) => { collect.processSync(rule.selector); });
    root.walkDecls((declaration) => { if (declaration.prop.startsWith("--")) asked.variables.add(declaration.prop); });
  }
  return Object.fromEntries(Object.entries(asked).map(([name, set]) => [name, [...set].sort()]));
}

// Parsing the stylesheets' selectors takes a good part of the run: what
// they ask is kept in the cache too, by the digest of what it depends on.
// build_scripts/purge.py names the file (ASKED_FILE) by the digest of what
// it depends on as Python reads it, so that it can read the lists itself.
const askedFile = cache && (askedOption ?? join(cache, `${digest(JSON.stringify(fixed))}.asked.json`));
let askedLists = askedFile && existsSync(askedFile) ? JSON.parse(readFileSync(askedFile, "utf8")) : undefined;
if (!askedLists) {
  askedLists = askedBy(sheets);
  if (askedFile) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(`${askedFile}.${process.pid}.tmp`, JSON.stringify(askedLists));
    renameSync(`${askedFile}.${process.pid}.tmp`, askedFile);
  }
}
const asked = Object.fromEntries(Object.entries(askedLists).map(([name, list]) => [name, new Set(list)]));
const [prefixes, suffixes, contained] = [asked.prefixes, asked.suffixes, asked.contained].map((set) => [...set]);
const answersAValue = (text) => asked.equal.has(text) || prefixes.some((value) => text.startsWith(value)) ||
  suffixes.some((value) => text.endsWith(value)) || contained.some((word) => text.includes(word));
const answersAName = (text) => asked.tags.has(text) || asked.names.has(text) || asked.classes.has(text) ||
  asked.ids.has(text);
const sorted = (values, keep) => [...values].filter(keep).sort();
const selectors = {
  tags: sorted(extracted.tags, (tag) => asked.tags.has(tag)),
  attributes: {
    names: sorted(extracted.attrNames, (name) => asked.names.has(name)),
    values: sorted(extracted.attrValues, answersAValue),
  },
  classes: sorted(extracted.classes, (name) => asked.classes.has(name)),
  ids: sorted(extracted.ids, (id) => asked.ids.has(id)),
  undetermined: sorted(extracted.undetermined, (word) => answersAName(word) || answersAValue(word)),
};
const variables = sorted(ownVariables, (name) => asked.variables.has(name));

// Material's features that its bundle sets up only where a page has their
// markup (tabs, code blocks and their copy button, annotations, diagrams,
// the repository link, banners, consent, version selector, progress bar of
// instant loading). The bundle names their classes, so reading it keeps
// their rules; when no page has the markup, no rule of theirs can ever
// match, and they go. A page has the markup when the kept selectors above
// hold its class or element — so the blocklist, like everything else in the
// key, depends on the pages only through them. A class or element that no
// selector asks about is not kept whatever the pages hold: its feature then
// counts as present, and nothing is blocked for it.
const keptClasses = new Set(selectors.classes);
const keptTags = new Set(selectors.tags);
const hasClass = (name) => !asked.classes.has(name) || keptClasses.has(name);
const hasTag = (name) => !asked.tags.has(name) || keptTags.has(name);
const features = [
  [hasClass("tabbed-set"), /^tabbed-/],
  [hasClass("highlight") || hasTag("pre"), /^md-clipboard|^md-code__|^highlight|^md-annotation/],
  [hasClass("annotate"), /^md-annotation/],
  [hasClass("mermaid"), /^mermaid/],
  [hasClass("md-source"), /^md-source|^md-status/],
  [hasClass("md-banner"), /^md-banner/],
  [hasClass("md-consent"), /^md-consent/],
  [hasClass("md-version"), /^md-version|^md-select/],
  [themeFeatures.includes("navigation.instant.progress"), /^md-progress/],
];
// Admonition types (Material's, with their aliases) that no page uses:
// their names are common words, which scripts hold ("note", "example").
// Not "summary", an element's name too (a blocked name is blocked as an
// element as well).
const admonitions = ["note", "abstract", "tldr", "info", "todo", "tip", "hint", "important",
  "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
  "fail", "missing", "danger", "error", "bug", "example", "quote"];
const blocklist = [
  ...features.filter(([present]) => !present).map(([, classes]) => classes),
  ...admonitions.filter((type) => !hasClass(type)),
];

// Right-to-left rules go unless a page is written right to left (below):
// an element with dir="rtl", as the kept selectors tell it (or "rtl" is
// no value any selector asks about: then nothing is told, and they stay).
const rightToLeft = !asked.names.has("dir") || !answersAValue("rtl") ||
  (selectors.attributes.names.includes("dir") && selectors.attributes.values.includes("rtl"));

if (selectorsOnly) {
  console.log(JSON.stringify({ selectors, variables }));
  process.exit(0);
}

const key = digest(JSON.stringify({
  ...fixed,
  selectors,
  variables,
  blocklist: blocklist.map(String),
  rightToLeft,
  themeFeatures,
}));
if (cache && existsSync(join(cache, key))) {
  console.log(JSON.stringify({ key, purged: false }));
  process.exit(0);
}

const results = await new PurgeCSS().purge({
  ...(full
    // Everything, as read from the files.
    ? { content, css: stylesheets, extractors: [{ extractor: fromHtml, extensions: ["html"] }],
        safelist: { ...safelist, variables: ownVariables } }
    // The selectors kept above, and nothing else, as one raw content; the
    // stylesheets as they were read for the key.
    : { content: [{ raw: "", extension: "sd-asked" }], extractors: [{ extractor: () => selectors, extensions: ["sd-asked"] }],
        css: sheets.map((bytes, i) => ({ raw: bytes.toString("utf8"), name: stylesheets[i] })),
        safelist: { ...safelist, variables } }),
  blocklist,
  // Custom properties no kept rule and no own file reads go; keyframes
  // and font faces stay (removing them saves little).
  variables: true,
  keyframes: false,
  fontFace: false,
});

// Rules for right-to-left text, when no page is written right to left
// (the bundle names "rtl", which would keep them).
function withoutRightToLeft(css) {
  if (rightToLeft) return css;
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const kept = rule.selectors.filter((selector) => !/\[dir=["']?rtl/.test(selector));
    if (!kept.length) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((atRule) => { if (atRule.nodes && !atRule.nodes.length) atRule.remove(); });
  return root.toString();
}

for (const { file, css } of results) {
  writeFileSync(file, withoutRightToLeft(css));
  // The source map described the stylesheet before purging: it would lie.
  rmSync(`${file}.map`, { force: true });
}
console.log(JSON.stringify({ key: full ? null : key, purged: true }));
