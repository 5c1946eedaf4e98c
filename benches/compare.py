#!/usr/bin/env python3
"""The layout stage's benchmarks (issue 17), timed by hyperfine in fresh
processes, each pair in one hyperfine run:

1. seed `gen docx` against seed `gen pdf`        (target: docx <= pdf)
2. `gen build --formats pdf,docx,html` against `--formats pdf`, 100
   four-page documents                            (target: <= 1.2x)
3. `gen build --jobs 2` against `--jobs 1`, 100 documents, PDF and DOCX
                                                  (target: >= 1.7x faster)
4. cold `gen pdf` of the seed against Typst's naive compile of the same
   text (benches/naive.rs, with the same Typst; the text as plain Typst
   markup: paragraphs, headings, the title, no grid)
                                                  (target: <= 0.5x)

    python3 benches/compare.py                     # target/release/gen
    python3 benches/compare.py --before OLD/gen    # and an older gen, same run
    python3 benches/compare.py --runs 5 --only 1 4
    python3 benches/compare.py --instructions --documents 10 --before OLD/gen

Needs hyperfine, PyYAML and a release build (`cargo build --release`); builds the
naive compiler with `cargo bench --bench naive --no-run` (CARGO_TARGET_DIR
is honoured). Wall times are hyperfine's means; CPU is user + system. On
a busy machine wall times wander by tens of percent between commands;
--instructions counts instructions with callgrind instead (needs valgrind;
comparisons 1, 2 and 4 only), which repeats to the instruction.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_bench  # noqa: E402  (its four-page documents)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
SEED = os.path.join(ROOT, "data", "seed-notice.yaml")
FONTS = os.path.join(ROOT, "fonts")


def hyperfine(tmp, commands, runs, warmup=1):
    """{name: (mean wall s, stddev s, mean CPU s)} for [(name, command)]."""
    out = os.path.join(tmp, "hyperfine.json")
    args = ["hyperfine", "-N", "--runs", str(runs), "--warmup", str(warmup),
            "--export-json", out, "--style", "none"]
    for name, cmd in commands:
        args += ["-n", name, cmd]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        results = json.load(f)["results"]
    return {r["command"]: (r["mean"], r["stddev"] or 0.0, r["user"] + r["system"])
            for r in results}


def instructions(tmp, commands, runs=None, warmup=None):
    """{name: (instructions, 0, instructions)} for [(name, command)], each
    counted once by callgrind (all threads): deterministic on a busy
    machine, where wall times are not."""
    results = {}
    for name, cmd in commands:
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out"]
                           + cmd.split(), capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"{cmd} failed under callgrind:\n{p.stderr[-2000:]}")
        line = next(l for l in p.stderr.splitlines() if "Collected" in l)
        n = int(line.split(":")[-1])
        results[name] = (n, 0.0, n)
    return results


def naive_binary():
    """Builds benches/naive.rs and returns its executable."""
    p = subprocess.run(
        ["cargo", "bench", "--bench", "naive", "--no-run", "--message-format=json"],
        cwd=ROOT, check=True, capture_output=True, text=True)
    for line in p.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") \
                and msg["target"]["name"] == "naive":
            return msg["executable"]
    sys.exit("cargo did not report the naive bench's executable")


def typst_string(text):
    """A Typst string literal: set literally, never read as markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def naive_document(path):
    """The seed's text as a writer would put it in plain Typst: A4 with the
    standard's margins, the same fonts by family, headings in 黑体/楷体,
    justified paragraphs with a two-character indent, page numbers; Typst
    breaks the lines and the pages."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out = [
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),',
        '  numbering: "— 1 —", number-align: right)',
        '#set text(font: ("Liberation Serif", "FandolFang R", "Noto Serif CJK SC"),',
        '  size: 16pt, lang: "zh", region: "cn")',
        '#set par(justify: true, leading: 13.6pt, spacing: 13.6pt,',
        '  first-line-indent: (amount: 2em, all: true))',
        '#align(center, text(font: "Noto Serif CJK SC", weight: 700, size: 22pt, '
        + typst_string(str(doc["title"])) + '))',
        "",
    ]
    if doc.get("addressees"):
        out.append("#par(first-line-indent: 0em, " + typst_string("、".join(doc["addressees"]) + "：") + ")")
    fonts = ["Noto Sans CJK SC", "Gongwen Kai", "FandolFang R", "FandolFang R"]

    def walk(items, level):
        for item in items:
            if isinstance(item, str):
                out.append("#par(" + typst_string(item) + ")")
                continue
            heading = item.get("heading")
            if heading:
                font = fonts[min(level, len(fonts) - 1)]
                text = typst_string(heading)
                if item.get("text"):
                    out.append(f'#par(text(font: "{font}", {text}) + {typst_string(item["text"])})')
                else:
                    out.append(f'#par(text(font: "{font}", {text}))')
            elif item.get("text"):
                out.append("#par(" + typst_string(item["text"]) + ")")
            walk(item.get("body") or [], level + 1)

    walk(doc.get("body") or [], 0)
    issuer = doc["issuer"] if isinstance(doc["issuer"], list) else [doc["issuer"]]
    date = doc["date"]
    date = f"{date.year}年{date.month}月{date.day}日"
    for line in issuer + [date]:
        out.append("#align(right, " + typst_string(line) + ")")
    return "\n".join(out) + "\n"


def scaled(results, scale):
    """Instruction counts as seconds at 1 G a second (1 M a millisecond)."""
    return {k: (v[0] * scale, v[1] * scale, v[2] * scale) for k, v in results.items()}


def row(label, value, target, ok):
    print(f"  {label:58} {value:>10}   target {target:>8}  {'met' if ok else 'NOT met'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gen", default=os.path.join(TARGET, "release", "gen"))
    ap.add_argument("--before", help="an older gen, timed in the same runs")
    ap.add_argument("--runs", type=int, default=10, help="runs of the seed commands")
    ap.add_argument("--build-runs", type=int, default=3, help="runs of the gen build commands")
    ap.add_argument("--documents", type=int, default=100)
    ap.add_argument("--only", type=int, nargs="+", choices=[1, 2, 3, 4])
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions with callgrind instead of timing (1, 2 and 4; "
                         "use --documents 10)")
    a = ap.parse_args()
    measure = hyperfine
    if a.instructions:
        if not shutil.which("valgrind"):
            sys.exit("valgrind not found (apt-get install valgrind)")
        measure = instructions
    elif not shutil.which("hyperfine"):
        sys.exit("hyperfine not found (apt-get install hyperfine)")
    gens = [("after", os.path.abspath(a.gen))]
    if a.before:
        gens.insert(0, ("before", os.path.abspath(a.before)))
    for _, g in gens:
        if not os.path.exists(g):
            sys.exit(f"{g} not found: run cargo build --release first")
    only = set(a.only or [1, 2, 3, 4])
    if a.instructions:
        # Threads run one at a time under callgrind: no speed-up to see.
        only.discard(3)
        print("instructions counted by callgrind (all threads), one run each; "
              "the times below are millions of instructions, shown as ms (seed) and s "
              "(gen build): 1 ms = 1 M, 1 s = 1 G")
    else:
        print(f"{os.cpu_count()} CPUs; hyperfine means, {a.runs} runs (seed), "
              f"{a.build_runs} runs (gen build of {a.documents} documents)")
    scale = 1e-9 if a.instructions else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        if 1 in only:
            cmds = []
            for label, g in gens:
                for fmt in ["pdf", "docx"]:
                    cmds.append((f"{label} {fmt}", f"{g} {fmt} {SEED} -o {tmp}/{label}.{fmt}"))
            r = scaled(measure(tmp, cmds, a.runs), scale)
            print("1. seed: gen docx against gen pdf")
            for label, _ in gens:
                pdf, docx = r[f"{label} pdf"], r[f"{label} docx"]
                row(f"{label}: pdf {pdf[0]*1000:.0f} ms, docx {docx[0]*1000:.0f} ms; docx/pdf",
                    f"{docx[0]/pdf[0]:.2f}", "<= 1", docx[0] <= pdf[0])
        if only & {2, 3}:
            prose = build_bench.paragraphs()
            count = build_bench.calibrate(tmp, True, prose)
            src = os.path.join(tmp, "src")
            os.makedirs(src)
            for n in range(a.documents):
                with open(os.path.join(src, f"doc{n:03d}.yaml"), "w", encoding="utf-8") as f:
                    f.write(build_bench.document(n, count, True, prose))

            def build(label, g, formats, jobs):
                return (f"{label} {formats} j{jobs}",
                        f"{g} build {src} -o {tmp}/out-{label} --formats {formats} --jobs {jobs}")
        if 2 in only:
            cmds = [build(l, g, f, 2) for l, g in gens for f in ["pdf", "pdf,docx,html"]]
            r = scaled(measure(tmp, cmds, a.build_runs), scale)
            print(f"2. gen build of {a.documents} documents, --jobs 2: "
                  "--formats pdf,docx,html against --formats pdf")
            for label, _ in gens:
                pdf, all3 = r[f"{label} pdf j2"], r[f"{label} pdf,docx,html j2"]
                row(f"{label}: pdf {pdf[0]:.2f} s, all three {all3[0]:.2f} s; ratio",
                    f"{all3[0]/pdf[0]:.2f}", "<= 1.2", all3[0] <= 1.2 * pdf[0])
        if 3 in only:
            cmds = [build(l, g, "pdf,docx", j) for l, g in gens for j in [1, 2]]
            r = scaled(measure(tmp, cmds, a.build_runs), scale)
            print(f"3. gen build of {a.documents} documents, PDF and DOCX: --jobs 2 against --jobs 1")
            for label, _ in gens:
                one, two = r[f"{label} pdf,docx j1"], r[f"{label} pdf,docx j2"]
                row(f"{label}: j1 {one[0]:.2f} s (CPU {one[2]:.2f} s), "
                    f"j2 {two[0]:.2f} s (CPU {two[2]:.2f} s); speed-up",
                    f"{one[0]/two[0]:.2f}", ">= 1.7", one[0] >= 1.7 * two[0])
        if 4 in only:
            typ = os.path.join(tmp, "seed-naive.typ")
            with open(typ, "w", encoding="utf-8") as f:
                f.write(naive_document(SEED))
            naive = naive_binary()
            cmds = [(f"{l} pdf", f"{g} pdf {SEED} -o {tmp}/{l}.pdf") for l, g in gens]
            cmds.append(("naive", f"{naive} {typ} {tmp}/naive.pdf {FONTS}"))
            r = scaled(measure(tmp, cmds, a.runs), scale)
            pages = subprocess.run(["pdfinfo", f"{tmp}/naive.pdf"], capture_output=True,
                                   text=True).stdout
            pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
            print(f"4. cold gen pdf of the seed against Typst's naive compile "
                  f"({r['naive'][0]*1000:.0f} ms, {pages} pages)")
            for label, _ in gens:
                pdf = r[f"{label} pdf"]
                row(f"{label}: gen pdf {pdf[0]*1000:.0f} ms; gen pdf/naive",
                    f"{pdf[0]/r['naive'][0]:.2f}", "<= 0.5", pdf[0] <= 0.5 * r["naive"][0])


if __name__ == "__main__":
    main()
