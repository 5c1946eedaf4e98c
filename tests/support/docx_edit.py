#!/usr/bin/env python3
"""Edit a DOCX the way a user reusing it would, with python-docx.

    docx_edit.py IN.docx OUT.docx [--issuer TEXT] [--date TEXT]
                 [--signers TEXT] [--attachment OLD=NEW] [--margins-cm T,B,L,R]

Replacing a paragraph's text keeps its first run (its formatting) and
empties the others, as selecting the text and typing over it does. The
paragraphs are found by their style names (发文机关署名, 成文日期) and the
签发人 names by the text after "签发人：". Margins are set as in Word's page
setup dialog, in centimetres.
"""
import argparse

import docx
from docx.shared import Cm


def retype(runs, text):
    runs[0].text = text
    for r in runs[1:]:
        r.text = ""


ap = argparse.ArgumentParser()
ap.add_argument("input")
ap.add_argument("output")
ap.add_argument("--issuer")
ap.add_argument("--date")
ap.add_argument("--signers")
ap.add_argument("--attachment")
ap.add_argument("--margins-cm")
a = ap.parse_args()

d = docx.Document(a.input)
done = set()
for p in d.paragraphs:
    style = p.style.name
    if a.issuer and style == "发文机关署名":
        retype(p.runs, a.issuer)
        done.add("issuer")
    elif a.date and style == "成文日期":
        retype(p.runs, a.date)
        done.add("date")
    elif a.signers and "签发人：" in p.text:
        runs = p.runs
        k = next(i for i, r in enumerate(runs) if "签发人：" in r.text)
        retype(runs[k + 1:], a.signers)
        done.add("signers")
    elif a.attachment and style == "附件说明":
        old, new = a.attachment.split("=", 1)
        if old in p.text:
            retype(p.runs, p.text.replace(old, new))
            done.add("attachment")
if a.margins_cm:
    top, bottom, left, right = (float(v) for v in a.margins_cm.split(","))
    for s in d.sections:
        s.top_margin, s.bottom_margin = Cm(top), Cm(bottom)
        s.left_margin, s.right_margin = Cm(left), Cm(right)
    done.add("margins_cm")
wanted = {k for k in ("issuer", "date", "signers", "attachment", "margins_cm") if getattr(a, k)}
missing = wanted - done
if missing:
    raise SystemExit(f"nothing to edit for {sorted(missing)}")
d.save(a.output)
