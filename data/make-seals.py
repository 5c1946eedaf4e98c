#!/usr/bin/env python3
"""Writes the sample seal images in data/seals/: red rings with a star,
transparent outside the ink, and a 签名章 (a red flourish), with the
physical size in the PNG's pHYs chunk. Standard library only (zlib + struct). Not real seals: a real
office supplies its own seal image (gongwen never draws one).

    python3 data/make-seals.py            # writes data/seals/*.png
"""
import math
import struct
import zlib
from pathlib import Path

RED = (230, 0, 18)  # close to the red of official seals
DPI = 300


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, rows, dpi):
    """RGBA rows (lists of (r, g, b, a)) as PNG bytes with pHYs."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    ppm = round(dpi / 0.0254)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def star_polygon(r_out, r_in, points=5):
    """The star's outline, a tip at the top (y grows downwards)."""
    out = []
    for k in range(2 * points):
        r = r_out if k % 2 == 0 else r_in
        a = math.pi * k / points
        out.append((r * math.sin(a), -r * math.cos(a)))
    return out


def inside(x, y, poly):
    """Even-odd rule."""
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def seal(diameter_mm, rings, star=True, marks=0):
    """A seal `diameter_mm` wide: `rings` as (outer, inner) radii in mm,
    a star in the middle, `marks` short bars under the star."""
    n = round(diameter_mm / 25.4 * DPI)
    c = (n - 1) / 2
    px_mm = 25.4 / DPI
    poly = star_polygon(diameter_mm * 0.17, diameter_mm * 0.065)
    rows = []
    sub = 3  # supersampling for smooth edges
    for j in range(n):
        row = []
        for i in range(n):
            hits = 0
            for sj in range(sub):
                for si in range(sub):
                    x = (i + (si + 0.5) / sub - 0.5 - c) * px_mm
                    y = (j + (sj + 0.5) / sub - 0.5 - c) * px_mm
                    r = math.hypot(x, y)
                    ink = any(inner <= r <= outer for outer, inner in rings)
                    if star and inside(x, y, poly):
                        ink = True
                    for k in range(marks):
                        bar_y = diameter_mm * (0.22 + 0.06 * k)
                        if abs(y - bar_y) < 0.6 and abs(x) < diameter_mm * 0.22:
                            ink = True
                    hits += ink
            alpha = round(255 * hits / (sub * sub))
            row.append((*RED, alpha))
        rows.append(row)
    return png(n, n, rows, DPI)


def signature(width_mm, height_mm, stroke_mm=0.7):
    """A 签发人签名章 (GB/T 9704-2012 §7.3.5.3) stand-in: a red cursive
    flourish `width_mm` x `height_mm` (loops like a handwritten name, and a
    stroke under them), transparent around the ink. Not anyone's signature."""
    w = round(width_mm / 25.4 * DPI)
    h = round(height_mm / 25.4 * DPI)
    r = stroke_mm / 25.4 * DPI / 2
    alpha = [[0.0] * w for _ in range(h)]

    def stamp(x, y):
        # An anti-aliased disc of radius r at (x, y), in pixels.
        for j in range(max(0, int(y - r - 1)), min(h, int(y + r + 2))):
            for i in range(max(0, int(x - r - 1)), min(w, int(x + r + 2))):
                cover = min(1.0, max(0.0, r + 0.5 - math.hypot(i - x, j - y)))
                if cover > alpha[j][i]:
                    alpha[j][i] = cover

    def stroke(curve, steps):
        for k in range(steps + 1):
            x, y = curve(k / steps)
            stamp(x * w, y * h)

    # Three looped "characters", then a rising tail.
    stroke(lambda t: (0.06 + 0.74 * t + 0.05 * math.sin(2 * math.pi * 7 * t),
                      0.42 - 0.22 * math.cos(2 * math.pi * 7 * t) * (0.6 + 0.4 * math.sin(2 * math.pi * 1.5 * t))),
           30000)
    stroke(lambda t: (0.80 + 0.14 * t, 0.42 - 0.30 * t * t), 3000)
    # The stroke under the name, slightly curved.
    stroke(lambda t: (0.04 + 0.92 * t, 0.82 - 0.10 * math.sin(math.pi * t) + 0.05 * t), 8000)
    rows = [[(*RED, round(255 * a)) for a in row] for row in alpha]
    return png(w, h, rows, DPI)


def main():
    out = Path(__file__).with_name("seals")
    out.mkdir(exist_ok=True)
    r = 21.0  # 42 mm seals
    samples = {
        # One office: a ring 1.2 mm wide.
        "emergency.png": seal(42, [(r, r - 1.2)]),
        # Three organs of a joint notice, told apart by their inner marks.
        "culture.png": seal(42, [(r, r - 1.2)], marks=1),
        "education.png": seal(42, [(r, r - 1.2), (r - 2.2, r - 2.7)]),
        "sports.png": seal(42, [(r, r - 1.2)], marks=2),
    }
    # The 签发人签名章 of the sample 命令 (data/order-commendation.yaml).
    samples["signature.png"] = signature(36, 14)
    for name, data in samples.items():
        (out / name).write_bytes(data)
        print(out / name, len(data), "bytes")


if __name__ == "__main__":
    main()
