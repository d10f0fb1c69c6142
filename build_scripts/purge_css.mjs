// Removes from Material's stylesheets (site/assets/stylesheets/*.min.css)
// the rules that no page of the built site and no script can use.
//   node build_scripts/purge_css.mjs SITE_DIR
// Run by build_scripts/purge.py after MkDocs has written every page, so the
// content PurgeCSS reads is the whole site: every HTML page, Material's
// bundle and the site's own scripts. Reading the scripts keeps the classes
// they add at run time whenever their names are written out in them; the
// safelist below keeps those the bundle composes from parts, and the states
// it sets through data-md-* attributes. The browser tests (search, tooltips,
// footnote sheet, previews, print, both colour schemes) are what verify it.
import { readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import postcss from "postcss";
import { PurgeCSS } from "purgecss";

const site = process.argv[2];
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
const anyPage = (pattern) => html.some((text) => pattern.test(text));

// Material's features that its bundle sets up only where a page has their
// markup (tabs, code blocks and their copy button, annotations, diagrams,
// the repository link, banners, consent, version selector, progress bar of
// instant loading). The bundle names their classes, so reading it keeps
// their rules; when no page has the markup, no rule of theirs can ever
// match, and they go.
const features = [
  [/class="[^"]*\btabbed-set\b/, /^tabbed-/],
  [/class="[^"]*\bhighlight\b|<pre\b/, /^md-clipboard|^md-code__|^highlight|^md-annotation/],
  [/class="[^"]*\bannotate\b/, /^md-annotation/],
  [/class="[^"]*\bmermaid\b/, /^mermaid/],
  [/class="[^"]*\bmd-source\b/, /^md-source|^md-status/],
  [/class="[^"]*\bmd-banner\b/, /^md-banner/],
  [/class="[^"]*\bmd-consent\b/, /^md-consent/],
  [/class="[^"]*\bmd-version\b/, /^md-version|^md-select/],
  [/navigation\.instant\.progress/, /^md-progress/],
];
// Admonition types (Material's, with their aliases) that no page uses:
// their names are common words, which scripts hold ("note", "example").
// Not "summary", an element's name too (a blocked name is blocked as an
// element as well).
const admonitions = ["note", "abstract", "tldr", "info", "todo", "tip", "hint", "important",
  "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
  "fail", "missing", "danger", "error", "bug", "example", "quote"];
const unusedAdmonitions = admonitions.filter((type) =>
  !anyPage(new RegExp(`class="(?:[^"]*\\s)?${type}(?:\\s[^"]*)?"`)));
const blocklist = [
  ...features.filter(([markup]) => !anyPage(markup)).map(([, classes]) => classes),
  ...unusedAdmonitions,
];

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

const results = await new PurgeCSS().purge({
  content,
  css: stylesheets,
  extractors: [{ extractor: fromHtml, extensions: ["html"] }],
  safelist,
  blocklist,
  // Custom properties no kept rule and no own file reads go; keyframes
  // and font faces stay (removing them saves little).
  variables: true,
  keyframes: false,
  fontFace: false,
});

// Rules for right-to-left text, when no page is written right to left
// (the bundle names "rtl", which would keep them).
const rightToLeft = anyPage(/\bdir="rtl"/);
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
