"""Open data: the document as JSON and as Akoma Ntoso XML, with the same eIds.

Pure: values in, text out. ``document_json`` carries every paragraph with
its eId, label, URLs, text (plain and as printed, with footnote marks),
footnotes, references, backlinks, parallels, themes and subject (the
editors' words, or the opening words marked ``editorial: false``); ``akoma_ntoso``
writes an OASIS LegalDocML (Akoma Ntoso 3.0) ``statement`` with
``preamble``, ``mainBody`` and ``attachments``, footnotes as
``authorialNote`` elements with their printed markers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.etree import ElementTree as ET

from .citations import resolve_ibid
from .frbr import LANGUAGE, FrbrWork, frbr_work
from .inline import footnote_marks, plain_text
from .model import Block, BlockKind, Emphasis, FootnoteMark, Inline, LineBreak, Reference, Site, Text
from .themes import themes_of
from .units import Unit, site_units

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def document_json(site: Site) -> str:
    units = site_units(site)
    meta = site.metadata
    resolved = resolve_ibid(site)

    def references(content: tuple[Inline, ...]) -> list[dict[str, object]]:
        return [{"text": n.text, "target": n.target, "whole_part": n.whole_part, "relation": n.relation}
                for n in content if isinstance(n, Reference)]

    def paragraph(unit: Unit) -> dict[str, object]:
        content = unit.point.content if unit.point else unit.block.content
        return {
            "eId": unit.eid,
            "kind": unit.kind,
            "label": unit.label,
            "num": unit.num if unit.block.printed_number else None,
            "letter": unit.letter,
            "part": unit.part.key,
            "section": unit.section,
            "page_url": unit.page_url,
            "anchor_url": unit.anchor_url,
            "public_url": unit.public_url(meta.site_url),
            "text": " ".join(plain_text(content).split()),
            "subject": {"text": site.subjects[unit.eid].text, "editorial": site.subjects[unit.eid].editorial},
            "text_with_marks": " ".join(plain_text(content, marks=True).split()),
            "footnotes": [m.number for m in footnote_marks(content)],
            "references": references(content),
            "backlinks": [{"from": b.source_eid, "relation": b.relation, "clause": b.clause}
                          for b in site.backlinks if b.target == unit.eid],
            "parallels": [{"resolution": p.resolution_eid, "annex": p.annex_eid, "similarity": p.similarity}
                          for p in site.parallels if unit.eid in (p.resolution_eid, p.annex_eid)],
            "themes": [t.slug for t in themes_of(site.themes, unit)],
            "notes": [" ".join(plain_text(n.text).split()) for n in site.notes if n.target_eid == unit.eid],
        }

    data = {
        "symbol": meta.symbol,
        "body": meta.body,
        "title": meta.title,
        "adoption": meta.adoption,
        "site_url": meta.site_url,
        "parts": [{"key": p.key, "slug": p.slug, "name": p.name, "title": p.title} for p in meta.parts],
        "paragraphs": [paragraph(u) for u in units],
        "footnotes": [
            {
                "number": f.number,
                "text": " ".join(plain_text(f.body.content).split()) if f.body else None,
                "ibid_of": f.ibid_of,
                "stands_for": resolved.get(f.number),
                "cited_by": [c.eid for c in f.cited_by],
                "notes": [" ".join(plain_text(n.text).split()) for n in site.notes if n.target_footnote == f.number],
            }
            for f in site.footnotes
        ],
        "backlinks_to_parts": [{"from": b.source_eid, "part": b.target, "relation": b.relation, "clause": b.clause}
                               for b in site.backlinks if b.target in {p.key for p in meta.parts}],
        "themes": [{"slug": t.slug, "title": t.title, "paragraphs": list(t.eids)} for t in site.themes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def akoma_ntoso(site: Site) -> str | None:
    """The document as Akoma Ntoso XML, or ``None`` when the document does
    not say who adopted it, its symbol or when (see :mod:`.frbr`): its
    identification would have to be made up."""
    meta = site.metadata
    work = frbr_work(meta.body, meta.symbol, meta.adoption_date)
    if work is None:
        return None
    ET.register_namespace("", AKN)
    footnotes = {f.number: f for f in site.footnotes}
    q = lambda tag: f"{{{AKN}}}{tag}"  # noqa: E731

    def inline(parent: ET.Element, content: tuple[Inline, ...], owner: str, counter: list[int]) -> None:
        """Append inline content to ``parent``, keeping text and tails right."""
        def add_text(text: str) -> None:
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + text
            else:
                parent.text = (parent.text or "") + text

        for node in content:
            if isinstance(node, Text):
                add_text(node.text)
            elif isinstance(node, Emphasis):
                element = ET.SubElement(parent, q("b" if node.strong else "i"))
                inline(element, node.children, owner, counter)
            elif isinstance(node, LineBreak):
                ET.SubElement(parent, q("eol"))
            elif isinstance(node, Reference):
                ref = ET.SubElement(parent, q("ref"), href=f"#{node.target}")
                ref.text = node.text
            elif isinstance(node, FootnoteMark):
                counter[0] += 1
                note = ET.SubElement(parent, q("authorialNote"), marker=str(node.number), placement="bottom",
                                     eId=f"{owner}__authorialNote_{counter[0]}")
                body = footnotes[node.number].body
                p = ET.SubElement(note, q("p"))
                if body is not None:
                    inline(p, body.content, owner, counter)

    def paragraph(parent: ET.Element, block: Block) -> None:
        eid = block.eid or ""
        counter = [0]
        if block.kind is BlockKind.PREAMBLE:
            p = ET.SubElement(parent, q("p"), eId=eid)
            inline(p, block.content, eid, counter)
            return
        element = ET.SubElement(parent, q("paragraph"), eId=eid)
        if block.printed_number:
            ET.SubElement(element, q("num")).text = f"{block.num}."
        if block.points:
            listing = ET.SubElement(element, q("list"), eId=f"{eid}__list_1")
            intro = ET.SubElement(ET.SubElement(listing, q("intro")), q("p"))
            inline(intro, block.content, eid, counter)
            for point in block.points:
                item = ET.SubElement(listing, q("point"), eId=point.eid)
                ET.SubElement(item, q("num")).text = f"({point.letter})"
                inline(ET.SubElement(ET.SubElement(item, q("content")), q("p")), point.content, point.eid, [0])
        else:
            inline(ET.SubElement(ET.SubElement(element, q("content")), q("p")), block.content, eid, counter)

    def body(parent: ET.Element, blocks: tuple[Block, ...], name: str) -> None:
        preface = ET.SubElement(parent, q("preface"))
        preamble = ET.SubElement(parent, q("preamble"))
        main = ET.SubElement(parent, q("mainBody"))
        conclusions = ET.SubElement(parent, q("conclusions"))
        seen_paragraph = False
        for block in blocks:
            if block.kind is BlockKind.PREAMBLE:
                paragraph(preamble, block)
            elif block.kind is BlockKind.OPERATIVE:
                seen_paragraph = True
                paragraph(main, block)
            else:
                # Headings and framing lines, in place: before the paragraphs
                # in the preface or preamble, after them in the conclusions.
                target = conclusions if seen_paragraph else (preamble if len(preamble) else preface)
                inline(ET.SubElement(target, q("p"), {"class": block.kind.value}), block.content, name, [0])
        for element in (preface, preamble, conclusions):
            if not len(element):
                parent.remove(element)

    root = ET.Element(q("akomaNtoso"))
    statement = ET.SubElement(root, q("statement"), name="resolution")
    statement.append(_meta(q, site, work, "main", f"{meta.body} resolution {meta.symbol}", references=True))
    main_part = site.document.part("main")
    body(statement, main_part.blocks, "main")
    annexes = [p for p in site.document.parts if p.key != "main"]
    if annexes:
        attachments = ET.SubElement(statement, q("attachments"))
        for part in annexes:
            attachment = ET.SubElement(attachments, q("attachment"), eId=part.key)
            doc = ET.SubElement(attachment, q("doc"), name="annex")
            doc.append(_meta(q, site, work, part.key, site.metadata.part(part.key).title, references=False))
            body(doc, part.blocks, part.key)
    # No indentation: white space added inside mixed content would change
    # the text.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


EDITORS = "editors"
"""The eId of this edition's editors, who made the XML (``source="#editors"``)."""


def _meta(q: Callable[[str], str], site: Site, work: FrbrWork, component: str, name: str,
          references: bool) -> ET.Element:
    """The ``<meta>`` of the statement (``component`` ``main``) or of one
    annex's ``<doc>`` (``att_1`` …): FRBR Work, Expression and
    Manifestation, and, for the statement, the organizations they name.

    Every FRBRdate is the adoption date, named so (``name="adoption"``): the
    text of each level is the text as adopted, and a build date would make
    two builds of the same source differ."""
    meta = site.metadata
    body_ref = f"#{work.actor}"
    element = ET.Element(q("meta"))
    identification = ET.SubElement(element, q("identification"), source=f"#{EDITORS}")

    def core(level: str, tag: str, uri: str, author: str) -> ET.Element:
        frbr = ET.SubElement(identification, q(tag))
        ET.SubElement(frbr, q("FRBRthis"), value=work.component(level, component))
        ET.SubElement(frbr, q("FRBRuri"), value=uri)
        if level == "work" and meta.title:
            ET.SubElement(frbr, q("FRBRalias"), value=meta.title, name="title")
        ET.SubElement(frbr, q("FRBRdate"), date=work.adopted.isoformat(), name="adoption")
        ET.SubElement(frbr, q("FRBRauthor"), href=author)
        return frbr

    frbr_work_element = core("work", "FRBRWork", work.work, body_ref)
    ET.SubElement(frbr_work_element, q("FRBRcountry"), value=work.country)
    ET.SubElement(frbr_work_element, q("FRBRsubtype"), value=work.subtype)
    ET.SubElement(frbr_work_element, q("FRBRnumber"), value=meta.symbol)
    ET.SubElement(frbr_work_element, q("FRBRname"), value=name)
    expression = core("expression", "FRBRExpression", work.expression, body_ref)
    ET.SubElement(expression, q("FRBRlanguage"), language=LANGUAGE)
    core("manifestation", "FRBRManifestation", work.manifestation, f"#{EDITORS}")
    if references:
        refs = ET.SubElement(element, q("references"), source=f"#{EDITORS}")
        ET.SubElement(refs, q("TLCOrganization"), eId=work.actor,
                      href=f"/akn/ontology/organization/{work.country}/{work.actor}", showAs=meta.body)
        ET.SubElement(refs, q("TLCOrganization"), eId=EDITORS,
                      href=f"/akn/ontology/organization/{EDITORS}", showAs=f"Editors of {meta.site_name}")
    return element
