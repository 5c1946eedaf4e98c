#!/usr/bin/env python3
"""Print every character of PDFs with its position, as JSON.

    pdf_chars.py FILE.pdf [FILE.pdf ...]

Output, one line per file: [{"width": pt, "height": pt, "chars": [{"c": "国", "x": pt,
"x1": pt, "baseline": pt, "size": pt, "font": "FandolFang-Regular",
"color": [fill colour components, e.g. [1.0, 0.2, 0.2] for RGB]}],
"images": [{"x0": pt, "top": pt, "x1": pt, "bottom": pt}],
"shapes": [{"x0": pt, "top": pt, "x1": pt, "bottom": pt, "fill": bool,
"stroke": bool, "fill_color": [...], "stroke_color": [...],
"linewidth": pt}]}]
Coordinates are in points from the page's top-left corner; `x` is the left
edge of the glyph's advance box and `baseline` the baseline's y. Used by the
DOCX tests to measure LibreOffice's rendering (pdfminer.six), many files in
one run.
"""
import json, sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer, LTCurve, LTImage


def chars(obj):
    if isinstance(obj, LTChar):
        yield obj
    elif isinstance(obj, LTContainer):
        for child in obj:
            yield from chars(child)


def color(ch):
    """The glyph's fill colour as a list of components (grey, RGB, CMYK)."""
    c = ch.graphicstate.ncolor
    if c is None:
        return []
    if isinstance(c, (int, float)):
        return [float(c)]
    return [float(v) for v in c]


def components(c):
    if c is None:
        return []
    if isinstance(c, (int, float)):
        return [float(c)]
    return [float(v) for v in c]


def shapes(obj):
    """Paths drawn (rules, bars): LTCurve and its kinds LTLine and LTRect."""
    if isinstance(obj, LTCurve):
        yield obj
    elif isinstance(obj, LTContainer):
        for child in obj:
            yield from shapes(child)


def images(obj):
    if isinstance(obj, LTImage):
        yield obj
    elif isinstance(obj, LTContainer):
        for child in obj:
            yield from images(child)


def measure(path):
    pages = []
    for page in extract_pages(path, laparams=LAParams()):
        h = page.height
        out = []
        for ch in chars(page):
            a, b, c, d, e, f = ch.matrix
            name = ch.fontname.split("+", 1)[-1]
            out.append({
                "c": ch.get_text(),
                "x": ch.x0,
                "x1": ch.x1,
                "baseline": h - f,
                "size": round(ch.size, 3),
                "font": name,
                "color": color(ch),
            })
        pics = [
            {"x0": im.x0, "top": h - im.y1, "x1": im.x1, "bottom": h - im.y0}
            for im in images(page)
        ]
        drawn = [
            {
                "x0": sh.x0,
                "top": h - sh.y1,
                "x1": sh.x1,
                "bottom": h - sh.y0,
                "fill": bool(sh.fill),
                "stroke": bool(sh.stroke),
                "fill_color": components(sh.non_stroking_color),
                "stroke_color": components(sh.stroking_color),
                "linewidth": sh.linewidth,
            }
            for sh in shapes(page)
        ]
        pages.append({"width": page.width, "height": h, "chars": out, "images": pics, "shapes": drawn})
    return pages


for path in sys.argv[1:]:
    json.dump(measure(path), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
