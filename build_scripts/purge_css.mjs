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

const safelist = {
  variables: ownVariables,
  // Set or composed by Material's bundle at run time: search and its
  // results, tooltips (md-tooltip2 and its --active/--bottom states),
  // annotations, the copy button and its confirmation dialog, the drawer,
  // header and sidebar states, the back-to-top button, scroll wrappers.
  greedy: [
    /md-search/, /md-tooltip/, /md-annotation/, /md-clipboard/, /md-dialog/, /md-top/,
    /md-typeset__scrollwrap/, /md-typeset__table/, /md-nav/, /md-sidebar/, /md-header/,
    /md-overlay/, /md-toggle/, /md-source/, /md-content/, /md-code/, /md-status/,
    /md-icon/, /focus-visible/, /js-/, /no-js/,
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
  safelist,
  // Custom properties no kept rule and no own file reads go; keyframes
  // and font faces stay (removing them saves little).
  variables: true,
  keyframes: false,
  fontFace: false,
});

for (const { file, css } of results) {
  writeFileSync(file, css);
  // The source map described the stylesheet before purging: it would lie.
  rmSync(`${file}.map`, { force: true });
}
