"""QR codes for printing hundreds of vouchers in one go.

Same mark as ``pdfkit.draw_qr`` (error correction M, 4-module quiet zone inside size×size),
about 5× faster: the mask is chosen with the ISO/IEC 18004 penalty rules computed on strings
and bit masks, and the dark modules go into the page as one path of integer rectangles under a
scaling transform. Data encoding and Reed-Solomon come from reportlab's qrencoder.
"""

from __future__ import annotations

import re

from reportlab.pdfgen.canvas import Canvas

QUIET = 4  # modules of light margin on every side
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")
_BITS = bytes.maketrans(b"\x00\x01", b"01")


def penalty(rows: list[str]) -> int:
    """Mask penalty score N1..N4 of ISO/IEC 18004 §7.8.3 for a symbol given as '0'/'1' rows."""
    n = len(rows)
    cols = ["".join(col) for col in zip(*rows)]
    score = 0
    for line in rows + cols:
        score += sum(len(m.group()) - 2 for m in _RUN.finditer(line))  # N1 = 3 for a run of 5
        score += 40 * len(_FINDER_LIKE.findall(line))
    ints = [int(r, 2) for r in rows]
    inner = (1 << (n - 1)) - 1
    for a, b in zip(ints, ints[1:]):
        vertical = ~(a ^ b)  # bit j: a_j == b_j
        blocks = vertical & (vertical >> 1) & ~(a ^ (a >> 1)) & inner
        score += 3 * bin(blocks).count("1")
    dark = sum(r.count("1") for r in rows)
    score += 10 * (abs(20 * dark - 10 * n * n) // (n * n))
    return score


def _rows(modules: list[list[bool]]) -> list[str]:
    return [bytes(row).translate(_BITS).decode("ascii") for row in modules]


def qr_modules(payload: str, mask: int | None = None) -> list[list[bool]]:
    """The symbol's modules (True = dark), without quiet zone; ``mask`` forces a mask pattern."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    best: tuple[int, list[list[bool]]] | None = None
    for candidate in range(8) if mask is None else (mask,):
        qr.makeImpl(False, candidate)
        modules = [[bool(m) for m in row] for row in qr.modules]
        score = penalty(_rows(modules)) if mask is None else 0
        if best is None or score < best[0]:
            best = (score, modules)
    return best[1]


def draw_qr_mark(c: Canvas, x: float, y: float, size: float, payload: str,
                 mask: int | None = None) -> None:
    """QR code filling size×size with its bottom-left corner at (x, y)."""
    modules = qr_modules(payload, mask)
    count = len(modules)
    unit = size / (count + 2 * QUIET)
    ops: list[str] = []
    for r, row in enumerate(modules):
        col = 0
        while col < count:
            if row[col]:
                start = col
                while col < count and row[col]:
                    col += 1
                ops.append(f"{start} {r} {col - start} 1 re")
            else:
                col += 1
    c.saveState()
    c.setFillGray(0)
    # module space: origin at the symbol's top-left corner, one unit per module, y downwards
    c.transform(unit, 0, 0, -unit, x + QUIET * unit, y + size - QUIET * unit)
    c.addLiteral(" ".join(ops) + " f")
    c.restoreState()
