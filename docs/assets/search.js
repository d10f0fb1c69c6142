/* Search that understands ordinary queries (see SEARCH.md).
 *
 * Material for MkDocs runs its search (lunr) in a web worker, or in an
 * iframe from file:// (the iframe-worker shim). This script is loaded as
 * that worker (overrides/main.html points the theme's config at it) and
 * loads Material's worker inside itself, so it stands between the search
 * box and lunr without any script on the page. The index, the ranking by
 * lunr and the result list stay Material's; this script
 *
 *   - on set-up: adds to each page's entry a "keywords" field (glossary
 *     names, document symbols, what an "Ibid." stands for: generated data,
 *     assets/search-data.js), adds every footnote as an entry of the
 *     footnotes page, shows printed footnote numbers in snippets, and keeps
 *     theme chips on the page's own entry only;
 *   - on each query: rewrites what the reader typed into a lunr query that
 *     finds spelling variants, plurals, words joined or split by a hyphen,
 *     one-letter typos (ranked below exact words), glossary names and
 *     symbols, and recognises jumps ("para 42", "op 9", "fn 6") and the
 *     document's own symbols;
 *   - on each result: ranks pages by how much of the query they say, puts
 *     paragraphs before other pages and jumps first (Enter opens the first).
 *
 * If the data cannot be loaded, messages pass through untouched: search
 * then works as Material's does.
 */
(() => {
  "use strict"

  /* Material's search message types (SearchMessageType). */
  const SETUP = 0, QUERY = 2, RESULT = 3

  /* lunr's English stop words: its pipeline drops them from the index. */
  const STOP = new Set(("a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got had has have he " +
    "her hers him his how however i if in into is it its just least let like likely may me might most must my " +
    "neither no nor not of off often on only or other our own rather said say says she should since so some " +
    "than that the their them then there these they this tis to too twas us wants was we were what when where " +
    "which while who whom why will with would yet you your").split(" "))

  /* Boosts of the lunr query (integers: lunr's query syntax) and how much a
   * match of each kind counts towards "the page says this word". */
  const EXACT = { boost: 20, quality: 1 }
  /* A glossary name counts a little less than the reader's own word: for
   * "ratify", a page that says "ratifying" comes before one that says
   * "accession", which the glossary gives as the same term. */
  const NAME = { boost: 20, quality: 0.9 }
  const SYMBOL = { boost: 30, quality: 1 }
  const PREFIX = { boost: 6, quality: 0.95 }
  const PLURAL = { boost: 14, quality: 0.9 }
  const JOINED = { boost: 14, quality: 0.9 }
  const RELATED = { boost: 4, quality: 0.7 }
  const TYPO = { boost: 5, quality: 0.6 }
  const MAX_TYPOS = 6
  const MAX_RELATED = 8
  const MAX_PREFIXED = 12
  /* A match in a page's footnotes counts this much of one in its text. */
  const IN_SECTION = 0.6

  /* -- text ---------------------------------------------------------------- */

  /** Lower case without accents: "Bogotá" and "bogota" meet. */
  const fold = s => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()

  const escapeHTML = s => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

  /** Straight apostrophes and quotes; possessives dropped ("children's",
   * "childrens'" → "children", "childrens"); initials joined ("U.N." →
   * "UN"); lunr's operators are not the reader's (this script writes the
   * lunr query). */
  function plainQuery(raw) {
    return raw.normalize("NFKC")
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .replace(/[\u201c\u201d]/g, "\"")
      .replace(/'s\b/gi, "")
      .replace(/'/g, "")
      .replace(/\b(?:[A-Za-z]\.){2,}/g, initials => initials.replace(/\./g, ""))
      .replace(/[~^*+:\\]/g, " ")
      .replace(/(^|\s)-+/g, "$1")
  }

  /** Singular of an English plural; other words as they are. */
  function singular(w) {
    if (w.length <= 3 || /(ss|us|is)$/.test(w)) return w
    if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + "y"
    if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2)
    if (w.endsWith("s")) return w.slice(0, -1)
    return w
  }

  /** True when a and b differ by at most one insertion, deletion,
   * substitution or transposition of adjacent letters. */
  function oneEdit(a, b) {
    if (a === b) return true
    const [m, n] = [a.length, b.length]
    if (Math.abs(m - n) > 1) return false
    let i = 0
    while (i < m && i < n && a[i] === b[i]) i++
    if (m === n) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
    }
    return m > n ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  function commonPrefix(a, b) {
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i]) i++
    return i
  }

  /** What a typed symbol is searched as: its key (as
   * build_scripts/search_terms.py makes it), then without series letters
   * and "RES": "A/RES/65/230" → a_res_65_230, res_65_230, 65_230. The index
   * holds every shorter form of the symbols the text cites. */
  function symbolKeys(symbol) {
    const key = symbol.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "")
    let parts = key.split("_")
    const keys = [key]
    while (parts.length > 2 && (parts[0].length === 1 || parts[0] === "res")) {
      parts = parts.slice(1)
      keys.push(parts.join("_"))
    }
    return keys
  }

  /** "declaration/42/", "declaration/42.html#x", "" → "declaration/42". */
  function pageKey(location) {
    return location.split("#")[0].replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "").replace(/\/$/, "")
  }

  /* -- the index's vocabulary and the site's data -------------------------- */

  class Site {
    constructor(config, docs, data) {
      this.data = data
      this.separator = new RegExp(config.separator)
      this.offline = docs.some(doc => /\.html(#|$)/.test(doc.location))
      this.units = data.units
      this.unitPages = new Set(data.units.map(u => u.page))
      this.subjects = new Map(data.units.filter(u => u.subject).map(u => [u.page, u]))
      this.prepare(config, docs)
      this.docs = new Map(docs.map(doc => [doc.location, doc]))
      this.vocabulary(docs)
      this.names = data.names.map(({ name, key }) => ({ words: this.words(plainQuery(name)), key }))
        .filter(name => name.words.length)
    }

    /** The location of a page (and anchor) in this build's index. */
    location(page, anchor) {
      const path = this.offline ? (page ? `${page}.html` : "index.html") : (page ? `${page}/` : "")
      return anchor ? `${path}#${anchor}` : path
    }

    /** Words of a text as the index has them: split by Material's
     * separator, lower case, without lunr's stop words. */
    words(text) {
      return text.split(this.separator).map(w => w.toLowerCase()).filter(w => w && !STOP.has(w))
    }

    prepare(config, docs) {
      const { data } = this
      for (const doc of docs) {
        const page = pageKey(doc.location)
        const section = doc.location.includes("#")
        const keywords = data.keywords[section ? `${page}#` : page]
        if (keywords) doc.keywords = keywords
        if (section) {
          /* The page's entry shows its theme chips; its sections would
           * show them again. */
          delete doc.tags
          /* A footnote list is an <ol> in the index: show printed numbers. */
          const numbers = data.marks[page] || []
          const items = doc.text.match(/<li>/g) || []
          if (items.length && items.length === numbers.length) {
            let i = 0
            doc.text = doc.text.replace(/<li>/g, () => `<li value="${numbers[i++]}">`)
          }
        }
      }
      /* Every footnote, an entry of the footnotes page. */
      const { footnotes } = data
      docs.push({ location: this.location(footnotes.page), title: escapeHTML(footnotes.title), text: "" })
      for (const fn of footnotes.items)
        docs.push({
          location: this.location(footnotes.page, fn.anchor),
          title: escapeHTML(fn.title),
          text: fn.text ? `<p><span class="sd-search-fn">${fn.n}</span> ${escapeHTML(fn.text)}</p>` : "",
          ...fn.keywords && { keywords: fn.keywords }
        })
      if (!config.fields.keywords) config.fields.keywords = { boost: 1 }
    }

    vocabulary(docs) {
      this.df = new Map()
      for (const doc of docs) {
        const text = [doc.title, doc.text.replace(/<[^>]*>/g, " "), doc.keywords || "", ...doc.tags || []].join(" ")
        for (const term of new Set(this.words(text)))
          this.df.set(term, (this.df.get(term) || 0) + 1)
      }
      this.count = docs.length
      this.byFold = new Map()
      this.bySingular = new Map()
      for (const term of this.df.keys()) {
        const folded = fold(term)
        if (!this.byFold.has(folded)) this.byFold.set(folded, [])
        this.byFold.get(folded).push(term)
        const one = singular(folded)
        if (!this.bySingular.has(one)) this.bySingular.set(one, [])
        this.bySingular.get(one).push(term)
      }
      this.terms = [...this.byFold.keys()]
    }

    idf(term) {
      return Math.log(1 + this.count / (this.df.get(term) || this.count))
    }
  }

  /* -- what the reader typed ----------------------------------------------- */

  const CONNECTORS = new Set(["of", "the", "in", "to", "and", "its"])
  const KINDS = [
    [/^(pp|pps|preamb\w*|pream|prea)$/, "preamble"],
    [/^(op|ops|oper\w*)$/, "operative"],
    [/^(p|para|paras|paragraphs?|par|pt|§+|¶|no|nr|number|#)$/, "any"],
    [/^(fn|fns|footnotes?|foot|note|notes)$/, "footnote"]
  ]

  function kindOf(token) {
    const found = KINDS.find(([pattern]) => pattern.test(token))
    return found ? found[1] : null
  }

  /** Part keys a word names: "declaration", "decl", "res" … */
  function partsOf(site, token) {
    const keys = []
    for (const [key, words] of Object.entries(site.data.parts))
      if (words.some(w => w === token || (token.length >= 3 && w.startsWith(token))))
        keys.push(key)
    return keys
  }

  /** Jumps: "42", "para 42", "§ 42", "decl 42", "op 9", "OP9", "pp 3
   * resolution", "13 (a)", "fn 6". A query made only of such words jumps;
   * in a longer query, a kind word right before a number still does. */
  function jumps(site, query) {
    const tokens = query.toLowerCase()
      .replace(/([§¶#])/g, " $1 ")
      .replace(/(\d)([a-z])\b/g, "$1 $2")
      .replace(/([a-z§])(\d)/g, "$1 $2")
      .split(/[\s,.;:()!?]+/).filter(Boolean)
    const parts = new Set()
    const kinds = []
    const numbers = []
    const explicit = []
    let pure = tokens.length > 0
    tokens.forEach((token, i) => {
      const kind = kindOf(token)
      const named = partsOf(site, token)
      if (/^\d{1,4}$/.test(token)) {
        numbers.push({ num: String(+token), letter: "" })
        if (i > 0 && kindOf(tokens[i - 1])) explicit.push(numbers.length - 1)
      } else if (/^[a-z]$/.test(token) && i > 0 && /^\d+$/.test(tokens[i - 1]) && kind === null) {
        numbers[numbers.length - 1].letter = token
      } else if (kind) {
        kinds.push(kind)
      } else if (named.length) {
        named.forEach(key => parts.add(key))
      } else if (!CONNECTORS.has(token)) {
        pure = false
      }
    })
    const chosen = pure ? numbers : numbers.filter((_, i) => explicit.includes(i))
    const kind = ["footnote", "preamble", "operative", "any"].find(k => kinds.includes(k)) || "any"
    const pins = []
    for (const { num, letter } of chosen)
      pins.push(...targets(site, kind, parts, num, letter))
    /* A query of numbers that name nothing ("2015") is searched as words. */
    return { pure: pure && pins.length > 0, pins: [...new Map(pins.map(p => [p.location, p])).values()] }
  }

  function targets(site, kind, parts, num, letter) {
    if (kind === "footnote") {
      const fn = site.data.footnotes.items.find(f => String(f.n) === num)
      if (!fn) return []
      return [
        { location: site.location(site.data.footnotes.page, fn.anchor), page: site.data.footnotes.page },
        ...fn.cited.map(page => ({ location: site.location(page), page }))
      ]
    }
    const inParts = u => !parts.size || parts.has(u.part)
    const numbered = site.units.filter(u => u.kind !== "point" && u.num === num && inParts(u))
    let found = []
    if (kind === "preamble") {
      found = numbered.filter(u => u.kind === "preamble")
    } else {
      found = numbered.filter(u => u.kind === "paragraph" && u.printed)
      /* "op 9": the operative paragraphs are the resolution's. */
      if (kind === "operative" && found.some(u => u.part === "main")) found = found.filter(u => u.part === "main")
      if (!found.length && kind === "any" && parts.size) found = numbered.filter(u => u.kind === "preamble")
    }
    if (letter) {
      found = found.map(u => site.units.find(p => p.kind === "point" && p.letter === letter &&
        p.page.startsWith(`${u.page}/`)) || u)
    }
    return found.map(u => ({ location: site.location(u.page), page: u.page }))
  }

  /* -- the lunr query -------------------------------------------------------- */

  /** One thing the reader asked for (a word, a name, a symbol), with the
   * ways a page can say it: each alternative lists index terms that must
   * all match, and its kind (boost and quality). */
  class Concept {
    constructor(label) {
      this.label = label
      this.alternatives = []
    }

    add(terms, kind, prefix = false) {
      if (terms.length && !this.alternatives.some(a => a.prefix === prefix && a.terms.join(" ") === terms.join(" ")))
        this.alternatives.push({ terms, kind, prefix })
    }
  }

  function wordConcept(site, word, last) {
    const concept = new Concept(word)
    const folded = fold(word)
    const exact = site.byFold.get(folded) || []
    exact.forEach(t => concept.add([t], EXACT))
    /* Singular and plural. */
    for (const t of site.bySingular.get(singular(folded)) || [])
      if (!exact.includes(t)) concept.add([t], PLURAL)
    /* Words that begin with it: "victim" → "victims", and the word being
     * typed. Listed one by one (the commonest first), not as lunr's "*",
     * so that each weighs as the word typed (see lunrQuery). */
    if (folded.length >= 4 || (last && !exact.length)) {
      site.terms.filter(t => t.length > folded.length && t.startsWith(folded))
        .map(t => site.byFold.get(t)).flat()
        .sort((a, b) => site.df.get(b) - site.df.get(a))
        .slice(0, MAX_PREFIXED)
        .forEach(t => concept.add([t], PREFIX))
    }
    if (folded.length >= 5) {
      /* One typo; and words sharing a long stem ("ratify", "ratifying",
       * "ratification"). */
      let typos = 0, related = 0
      for (const term of site.terms) {
        if (term === folded || Math.abs(term.length - folded.length) > 8) continue
        if (typos < MAX_TYPOS && Math.abs(term.length - folded.length) <= 1 && oneEdit(term, folded)) {
          site.byFold.get(term).forEach(t => concept.add([t], TYPO))
          typos++
        } else if (related < MAX_RELATED && !term.startsWith(folded) &&
                   commonPrefix(term, folded) >= Math.max(5, Math.min(term.length, folded.length) - 3)) {
          site.byFold.get(term).forEach(t => concept.add([t], RELATED))
          related++
        }
      }
      /* Two words run together: "moneylaundering", "crimeprevention". */
      if (!exact.length)
        for (let i = 3; i <= folded.length - 3; i++) {
          const [a, b] = [site.byFold.get(folded.slice(0, i)), site.byFold.get(folded.slice(i))]
          if (a && b) concept.add([a[0], b[0]], JOINED)
        }
    }
    return concept
  }

  /** Does the reader's word stand for a word of a name (ignoring case,
   * plural and, in long words, one typo)? */
  const sameWord = (typed, name) =>
    typed === name || singular(typed) === singular(name) || (name.length >= 5 && oneEdit(typed, name))

  function analyse(site, raw) {
    const query = plainQuery(raw)
    const { pure, pins } = jumps(site, query)
    const concepts = []
    let own = false
    /* Symbols: "46/152", "A/CONF.213/18", "E/RES/2010/18". */
    const rest = query.replace(/[^\s"]*\d[^\s"]*\/[^\s"]+|[^\s"]*\/[^\s"]*\d[^\s"]*/g, token => {
      const symbol = token.replace(/[.,;:)]+$/, "").replace(/^[("]+/, "")
      const keys = symbolKeys(symbol)
      if (keys.some(k => site.data.own.keys.includes(k))) own = true
      const concept = new Concept(symbol)
      keys.forEach((key, i) => concept.add([key], { boost: SYMBOL.boost - 4 * i, quality: 1 }))
      /* As Material's tokenizer splits it in the text ("/conf.213/18"). */
      const pieces = site.words(symbol)
      if (pieces.length && pieces.every(p => site.df.has(p))) concept.add(pieces, EXACT)
      concepts.push(concept)
      return " "
    })
    /* A jump's query is its numbers: pages that mention them follow it. */
    const words = site.words(rest).filter(w => !pure || /^\d+$/.test(w))
    const taken = new Set()
    /* Glossary names, longest first: "UNODC", "the Organized Crime
     * Convention". */
    const names = pure ? [] : [...site.names].sort((a, b) => b.words.length - a.words.length)
    for (const name of names) {
      const n = name.words.length
      for (let i = 0; i + n <= words.length; i++) {
        if ([...Array(n).keys()].some(k => taken.has(i + k))) continue
        if (!name.words.every((w, k) => sameWord(words[i + k], w))) continue
        const concept = n === 1
          ? wordConcept(site, words[i], i === words.length - 1)
          : new Concept(words.slice(i, i + n).join(" "))
        concept.add([name.key], NAME)
        if (n > 1) {
          /* The name's own words, all of them; or written as one word
           * ("cyber crime" → "cybercrime"). */
          if (name.words.every(w => site.df.has(w))) concept.add(name.words, NAME)
          const joined = site.byFold.get(fold(name.words.join("")))
          if (joined) joined.forEach(t => concept.add([t], EXACT))
        }
        concepts.push(concept)
        for (let k = 0; k < n; k++) taken.add(i + k)
      }
    }
    for (let i = 0; i < words.length; i++) {
      if (taken.has(i)) continue
      /* Two words that the text writes as one: "cyber crime". */
      const joined = i + 1 < words.length && !taken.has(i + 1) && site.byFold.get(fold(words[i] + words[i + 1]))
      if (joined) {
        const concept = new Concept(`${words[i]} ${words[i + 1]}`)
        joined.forEach(t => concept.add([t], EXACT))
        const [a, b] = [site.byFold.get(fold(words[i])), site.byFold.get(fold(words[i + 1]))]
        if (a && b) concept.add([a[0], b[0]], JOINED)
        concepts.push(concept)
        i++
        continue
      }
      concepts.push(wordConcept(site, words[i], i === words.length - 1))
    }
    /* How much saying a concept counts: the rarer it is, the more. Its
     * forms count as one word: the rarity of the commonest. */
    for (const concept of concepts)
      concept.weight = Math.min(...concept.alternatives.map(a => rarity(site, a)).filter(r => r > 0), Infinity)
    for (const concept of concepts)
      if (concept.weight === Infinity) concept.weight = 0
    if (own)
      for (const page of site.data.own.pages)
        pins.push({ location: site.location(page), page, own: true })
    return { raw, pure, pins, concepts, lunr: lunrQuery(site, concepts) }
  }

  /** How rare an alternative's terms are (inverse document frequency of
   * its commonest term; of a prefix, of its commonest word); 0 when the
   * index has none of them. */
  function rarity(site, { terms, prefix }) {
    if (prefix) {
      const frequencies = site.terms.filter(t => t.startsWith(terms[0]))
        .map(t => Math.max(...site.byFold.get(t).map(x => site.df.get(x))))
      return frequencies.length ? Math.log(1 + site.count / Math.max(...frequencies)) : 0
    }
    return terms.every(t => site.df.has(t)) ? Math.min(...terms.map(t => site.idf(t))) : 0
  }

  /** The lunr query: every alternative's terms, each once with its highest
   * boost; "*" for a prefix. lunr weighs a term by its rarity, so a rare
   * form of a common word ("crimes") would outweigh the word itself: each
   * term's boost is scaled to count as the concept's rarity. Boosts are
   * integers (lunr's syntax); terms holding lunr's operators are left out. */
  function lunrQuery(site, concepts) {
    const boosts = new Map()
    for (const concept of concepts)
      for (const { terms, kind, prefix } of concept.alternatives)
        for (const term of terms) {
          if (/[:^~*+\\\s-]/.test(term)) continue
          const scale = prefix || !site.df.has(term) || !concept.weight ? 1 : concept.weight / site.idf(term)
          const boost = Math.max(1, Math.min(100, Math.round(kind.boost * scale)))
          const key = prefix ? `${term}*` : term
          boosts.set(key, Math.max(boosts.get(key) || 0, boost))
        }
    return [...boosts].map(([term, boost]) => `${term}^${boost}`).join(" ")
  }

  /* -- results ----------------------------------------------------------------- */

  /** lunr's score, without Material's boost for matched query terms (which
   * would count this script's alternatives as missed words). */
  function lunrScore(item) {
    const values = Object.values(item.terms || {})
    const boost = +!item.parent + (values.length ? values.filter(Boolean).length / values.length : 0)
    return item.score / (1 + boost ** 2)
  }

  /** How well an entry says a concept: the best alternative whose terms
   * all matched (Material marks a query term matched when a matched word
   * of the entry starts with it). */
  function quality(concept, matched) {
    let best = 0
    for (const { terms, kind } of concept.alternatives)
      if (terms.every(t => matched.has(t))) best = Math.max(best, kind.quality)
    return best
  }

  function rank(site, plan, result) {
    const total = plan.concepts.reduce((sum, c) => sum + c.weight, 0)
    const coverage = said => total ? plan.concepts.reduce((sum, c, i) => sum + c.weight * said[i], 0) / total : 1
    const groups = result.items.map(items => {
      const page = pageKey(items[0].location)
      let raw = 0
      const said = plan.concepts.map(() => 0)
      const saidAnywhere = plan.concepts.map(() => 0)
      for (const item of items) {
        const factor = item.location.includes("#") ? IN_SECTION : 1
        raw = Math.max(raw, factor * lunrScore(item))
        const matched = new Set(Object.entries(item.terms || {}).filter(([, yes]) => yes).map(([t]) => t))
        plan.concepts.forEach((c, i) => {
          const q = quality(c, matched)
          said[i] = Math.max(said[i], factor * q)
          saidAnywhere[i] = Math.max(saidAnywhere[i], q)
        })
      }
      /* Saying more of the query (weighed by rarity) counts most. */
      return { items, page, said, paragraph: site.unitPages.has(page),
               score: raw * Math.exp(4 * coverage(said)), covers: coverage(saidAnywhere) }
    })
    const byScore = (a, b) => b.score - a.score
    const paragraphs = groups.filter(g => g.paragraph).sort(byScore)
    const others = groups.filter(g => !g.paragraph).sort(byScore)
    /* Other pages (footnotes, cited documents, themes, help) come after the
     * paragraphs that say as much of the query, in their text or their
     * footnotes; before those that say clearly less. */
    const scored = []
    for (const group of paragraphs) {
      while (others.length && others[0].covers > group.covers + 0.25) scored.push(others.shift())
      scored.push(group)
    }
    scored.push(...others)
    /* A debugging aid: set self.sdSearchTrace to a function to see why. */
    if (typeof self.sdSearchTrace === "function") self.sdSearchTrace(plan, scored)

    /* Jumps first, in the order asked; then the document's own pages. */
    const pinned = []
    for (const pin of plan.pins) {
      const index = scored.findIndex(g => g.items.some(item => item.location === pin.location))
      let group
      if (index >= 0) {
        group = scored.splice(index, 1)[0]
      } else if (pin.page === site.data.footnotes.page || site.docs.has(pin.location)) {
        const doc = site.docs.get(pin.location)
        const items = [{ ...doc, score: 0, terms: {} }]
        const article = site.docs.get(site.location(pin.page))
        if (article && article !== doc) items.push({ ...article, score: 0, terms: {} })
        group = { items, page: pin.page, said: [] }
      } else if (pin.own && pin.page === "") {
        const { title, text } = site.data.own
        group = { items: [{ location: pin.location, title: escapeHTML(title), text: escapeHTML(text), score: 0, terms: {} }],
                  page: "", said: [] }
      } else {
        continue
      }
      /* The jump's own entry first in its group, so that Enter opens it. */
      const target = group.items.findIndex(item => item.location === pin.location)
      group.items.unshift(...group.items.splice(target, 1))
      group.items[0] = { ...group.items[0], score: Math.max(...group.items.map(item => item.score)) + 1 }
      pinned.push({ ...group, pinned: true })
    }
    const ordered = [...pinned, ...scored]

    /* Scores that follow this order (Enter opens the highest), keeping
     * each group's own order of entries. */
    const items = ordered.map((group, rankIndex) => {
      const top = Math.max(...group.items.map(item => item.score), 1e-9)
      return group.items.map(item => ({
        ...item,
        title: titleWithSubject(site, item),
        score: (ordered.length - rankIndex) * 10 + 9 * Math.max(0, item.score) / top,
        terms: displayTerms(plan, item, group)
      }))
    })
    return { ...result, items }
  }

  /** A paragraph's result says what the paragraph is about: its subject
   * after its label, marked as the editors' words where it is theirs (and
   * not repeated where the title already says it). */
  function titleWithSubject(site, item) {
    const unit = !item.location.includes("#") && site.subjects.get(pageKey(item.location))
    if (!unit || fold(item.title.replace(/<[^>]*>/g, "")).includes(fold(unit.subject))) return item.title
    const mark = unit.editorial ? ` title="Subject, in the editors\u2019 words"` : ""
    return `${item.title} <span class="sd-search-subject"${mark}>\u00b7 ${escapeHTML(unit.subject)}</span>`
  }

  /** Material lists a query word the entry lacks as "Missing", and passes
   * matched words to the page's highlighter: the reader's words, not this
   * script's alternatives and keys. */
  function displayTerms(plan, item, { said, pinned }) {
    const terms = {}
    for (const [term, yes] of Object.entries(item.terms || {}))
      if (yes && !/_/.test(term)) terms[term] = true
    /* What a jump opens, and a jump's number, miss nothing. */
    if (!plan.pure && !pinned)
      plan.concepts.forEach((concept, i) => {
        if (concept.weight > 0 && !said[i] && !(concept.label in terms)) terms[concept.label] = false
      })
    return terms
  }

  /* -- inside the worker ------------------------------------------------------ */

  /* This script is Material's search worker as far as the page knows: the
   * theme's config names it (overrides/main.html), with Material's own
   * worker after "?worker=". It loads that worker and stands between it and
   * the page. In the offline bundle, the iframe-worker shim runs it in an
   * iframe, where importScripts adds script elements and returns a
   * promise; in a real worker, importScripts loads at once. */
  const scope = self
  const here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : scope.location.href
  const material = (here.match(/[?&]worker=([^?&#]+)/) || [])[1]
  const load = url => Promise.resolve(scope.importScripts(new URL(url, here).href))

  /* Material's message handler, kept to be called by this layer. */
  const handlers = []
  const addEventListener = scope.addEventListener.bind(scope)
  scope.addEventListener = (type, listener, options) => type === "message"
    ? handlers.push(listener)
    : addEventListener(type, listener, options)
  const deliver = message => handlers.forEach(listener => listener({ data: message }))

  let site = null
  const plans = []

  /* Results on their way to the page: ranked for the query they answer. */
  const post = scope.postMessage.bind(scope)
  scope.postMessage = (message, ...rest) => {
    const plan = message && message.type === RESULT ? plans.shift() : null
    if (plan && site) {
      try {
        message = { ...message, data: rank(site, plan, message.data) }
      } catch (err) {
        console.warn("search layer: ranking failed, Material's order", err)
      }
    }
    return post(message, ...rest)
  }

  async function receive(message) {
    if (message && message.type === SETUP) {
      try {
        await load("search-data.js")
        site = new Site(message.data.config, message.data.docs, scope.sdSearchData)
      } catch (err) {
        console.warn("search layer: set-up failed, Material's search alone", err)
        site = null
      }
    } else if (message && message.type === QUERY) {
      /* One plan per query, null where the query goes as typed: each result
       * finds the plan of its query. */
      let plan = null
      try {
        plan = site && analyse(site, message.data)
      } catch (err) {
        console.warn("search layer: query kept as typed", err)
      }
      plans.push(plan)
      /* Nothing to look up (only stop words, say): an empty query, which
       * Material answers with no results (a jump still shows). */
      if (plan) message = { ...message, data: plan.lunr }
    }
    deliver(message)
  }

  /* Messages keep their order; none reaches Material before it is loaded. */
  let queue = material ? load(material) : Promise.reject(new Error("no ?worker= in the worker's address"))
  queue = queue.catch(err => console.warn("search layer: cannot load Material's search worker", err))
  addEventListener("message", ev => {
    queue = queue.then(() => receive(ev.data))
  })
})()
