"""Word files as people make them, from documents described in JSON, for
tests/import_generated.rs: one run writes a batch.

Usage: make_word.py SPEC.json OUTDIR

SPEC is a list of documents, each with `name`, `style`, `title`,
`addressees` (groups), `body` (items: depth, heading, text, or a table:
`table` rows), `attachments`, `issuer`, `date` (2027年3月6日), `note`, and
`header`/`footer` texts, and `closing_box` (the 署名 and date in a text
box). Styles:

- `typed`: Normal paragraphs only; heading numbers typed (一、（一）1.（1）);
  the title centred by direct formatting, the closing right-aligned.
- `styled`: the title in Word's `Title` style, headings in `Heading 1`…
  with no number typed (Word's outline levels give the level).
- `numbered`: headings numbered by a Word list (`w:numPr`, numbering.xml:
  `%1、` in Chinese counting, `（%2）`, `%3.`, `（%4）`), no number typed.
"""

import json
import pathlib
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

VML = "urn:schemas-microsoft-com:vml"

TYPED = ["{}、", "（{}）", "{}.", "（{}）"]
CN = "一二三四五六七八九十"


def marker(depth, n):
    value = CN[n - 1] if depth < 2 else str(n)
    return TYPED[depth].format(value)


def add_numbering(doc):
    """A multilevel list as Chinese offices number headings; returns its
    w:numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    formats = [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
        ("decimal", "（%4）"),
    ]
    for ilvl, (fmt, text) in enumerate(formats):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        start = OxmlElement("w:start")
        start.set(qn("w:val"), "1")
        num_fmt = OxmlElement("w:numFmt")
        num_fmt.set(qn("w:val"), fmt)
        lvl_text = OxmlElement("w:lvlText")
        lvl_text.set(qn("w:val"), text)
        lvl.extend([start, num_fmt, lvl_text])
        abstract.append(lvl)
    # abstractNum elements come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def number(paragraph, num_id, ilvl):
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.extend([lvl, nid])
    ppr.append(num_pr)


def text_box(doc, lines):
    """The lines in a text box (VML, as Word writes for compatibility),
    anchored in an empty paragraph: how a 署名 and date are often placed
    over a seal."""
    anchor = doc.add_paragraph()
    run = anchor.add_run()._r
    pict = OxmlElement("w:pict")
    shape = etree.SubElement(pict, "{%s}shape" % VML, nsmap={"v": VML})
    shape.set("style", "position:absolute;margin-left:260pt;width:180pt;height:60pt")
    box = etree.SubElement(shape, "{%s}textbox" % VML)
    content = OxmlElement("w:txbxContent")
    for line in lines:
        p = OxmlElement("w:p")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = line
        r.append(t)
        p.append(r)
        content.append(p)
    box.append(content)
    run.append(pict)


def body_paragraph(doc, text):
    p = doc.add_paragraph(text)
    p.paragraph_format.first_line_indent = Pt(32)
    return p


def write(spec, out):
    doc = Document()
    style = spec["style"]
    if spec.get("header"):
        doc.sections[0].header.paragraphs[0].text = spec["header"]
    if spec.get("footer"):
        doc.sections[0].footer.paragraphs[0].text = spec["footer"]
    num_id = add_numbering(doc) if style == "numbered" else None
    if style == "styled":
        doc.add_paragraph(spec["title"], style="Title")
    else:
        t = doc.add_paragraph(spec["title"])
        t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("，".join(spec["addressees"]) + "：")
    counters = [0] * 5
    for item in spec["body"]:
        if "table" in item:
            rows = item["table"]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        depth, text = item["depth"], item["text"]
        if not item["heading"]:
            body_paragraph(doc, text)
            continue
        counters[depth] += 1
        for d in range(depth + 1, 5):
            counters[d] = 0
        if style == "styled":
            doc.add_paragraph(text, style="Heading %d" % (depth + 1))
        elif style == "numbered":
            p = body_paragraph(doc, text)
            number(p, num_id, depth)
        else:
            body_paragraph(doc, marker(depth, counters[depth]) + text)
    if spec["attachments"]:
        items = spec["attachments"]
        if len(items) == 1:
            body_paragraph(doc, "附件：" + items[0])
        else:
            for k, a in enumerate(items):
                head = "附件：" if k == 0 else "\u3000\u3000\u3000"
                body_paragraph(doc, "%s%d.%s" % (head, k + 1, a))
    if spec.get("closing_box"):
        text_box(doc, [spec["issuer"], spec["date"]])
    else:
        for line in [spec["issuer"], spec["date"]]:
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if spec.get("note"):
        body_paragraph(doc, "（%s）" % spec["note"])
    doc.save(out)


specs = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
outdir = pathlib.Path(sys.argv[2])
for spec in specs:
    write(spec, outdir / (spec["name"] + ".docx"))
