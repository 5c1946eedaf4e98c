#!/usr/bin/env python3
"""Benchmark `gen build`: documents per second, CPU use and peak RSS.

    python3 benches/build_bench.py                  # 1, 10, 100 documents
    python3 benches/build_bench.py --sizes 100 --runs 5
    python3 benches/build_bench.py --no-record      # without the 版记

Each document is four pages: a 版头 (份号, 紧急程度, 发文机关标志, 发文字号),
a title, a 主送机关, prose from the seed notice (a different stretch in each
document, so that documents share fonts but not text), 署名, 成文日期 and a
版记 (抄送, 印发机关和印发日期). Each size is one `gen build --formats
pdf,docx` process, timed by /usr/bin/time -v (wall, CPU %, maximum RSS);
the median of --runs runs is reported.

Builds nothing: run `cargo build --release` first (CARGO_TARGET_DIR is
honoured). Target on the 2-core reference machine: at least 25 documents
per second for 100 documents, PDF and DOCX.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
GEN = os.path.join(TARGET, "release", "gen")
PROSE = os.path.join(ROOT, "tests", "fixtures", "seed-notice.txt")
PAGES = 4
PARAGRAPH = 26 + 5 * 28


def paragraphs():
    with open(PROSE, encoding="utf-8") as f:
        return [l.strip() for l in f if len(l.strip()) > 60]


def document(n, count, record, prose):
    """Document n: `count` paragraphs of 166 characters each (six lines of
    the 28-character grid with the two-character indent), cut from the
    prose at a place that depends on n."""
    text = "".join(prose)
    start = (n * 997) % (len(text) - count * PARAGRAPH)
    body = [text[start + i * PARAGRAPH : start + (i + 1) * PARAGRAPH] for i in range(count)]
    lines = [
        f'copy_number: "{n + 1:06d}"',
        "urgency: 特急",
        "issuer_mark: 测试市人民政府文件",
        f"doc_number: 测政发〔2024〕{n + 1}号",
        "kind: 通知",
        f"title: 关于做好第{n + 1}批档案数字化试点工作的通知",
        "addressees: [各区人民政府, 市政府各部门]",
        "body:",
        *[f"  - {json.dumps(p, ensure_ascii=False)}" for p in body],
        "issuer: 测试市人民政府",
        f"date: 2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
    ]
    if record:
        lines += [
            "cc: [市委办公厅, 市人大常委会办公厅, 市政协办公厅]",
            f"printing: {{organ: 测试市人民政府办公室, date: 2024-{1 + n % 12:02d}-{2 + n % 27:02d}}}",
        ]
    return "\n".join(lines) + "\n"


def build(src, out, formats):
    """Runs one gen build under /usr/bin/time -v; (wall s, CPU %, max RSS
    MiB, user + system CPU s)."""
    cmd = ["/usr/bin/time", "-v", GEN, "build", src, "-o", out, "--formats", formats]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"gen build failed:\n{p.stderr[-3000:]}")
    def field(name):
        m = re.search(rf"{re.escape(name)}: (.+)", p.stderr)
        return m.group(1).strip()
    h, m, s = (["0"] + field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))[-3:]
    wall = int(h) * 3600 + int(m) * 60 + float(s)
    cpu = int(field("Percent of CPU this job got").rstrip("%"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    cpu_s = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return wall, cpu, rss, cpu_s


def pages(out):
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        return [d["pages"] for d in json.load(f)["documents"]]


def calibrate(tmp, record, prose):
    """The number of paragraphs that puts the documents on four pages with
    room to spare (the most that keeps the first ten on four pages, less
    one)."""
    best = None
    for count in range(4, 30):
        src = os.path.join(tmp, f"cal{count}")
        os.makedirs(src)
        for n in range(10):
            with open(os.path.join(src, f"d{n}.yaml"), "w", encoding="utf-8") as f:
                f.write(document(n, count, record, prose))
        out = os.path.join(tmp, f"calout{count}")
        build(src, out, "pdf")
        got = set(pages(out))
        if got == {PAGES}:
            best = count
        elif max(got) > PAGES:
            break
    if best is None:
        sys.exit("could not make four-page documents")
    return best - 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--formats", default="pdf,docx")
    ap.add_argument("--no-record", action="store_true", help="documents without a 版记")
    a = ap.parse_args()
    if not os.path.exists(GEN):
        sys.exit(f"{GEN} not found: run cargo build --release first")
    prose = paragraphs()
    record = not a.no_record
    with tempfile.TemporaryDirectory() as tmp:
        count = calibrate(tmp, record, prose)
        print(f"documents: {PAGES} pages, 版头{' and 版记' if record else ''}, "
              f"{count} paragraphs of {PARAGRAPH} characters; formats {a.formats}; "
              f"{os.cpu_count()} CPUs; median of {a.runs} runs")
        for size in a.sizes:
            src = os.path.join(tmp, f"src{size}")
            os.makedirs(src)
            for n in range(size):
                with open(os.path.join(src, f"doc{n:03d}.yaml"), "w", encoding="utf-8") as f:
                    f.write(document(n, count, record, prose))
            results = []
            for r in range(a.runs):
                out = os.path.join(tmp, f"out{size}-{r}")
                results.append(build(src, out, a.formats))
                got = pages(out)
                if set(got) != {PAGES}:
                    print(f"  note: page counts {sorted(set(got))}, not all {PAGES}")
            wall = statistics.median(r[0] for r in results)
            cpu = statistics.median(r[1] for r in results)
            rss = max(r[2] for r in results)
            cpu_s = statistics.median(r[3] for r in results)
            print(f"{size:4d} documents: {wall:6.2f} s  {size / wall:6.1f} documents/s"
                  f"  CPU {cpu:4d} % ({cpu_s * 1000 / size:5.1f} CPU ms/document)"
                  f"  peak RSS {rss:6.1f} MiB")


if __name__ == "__main__":
    main()
