"""QR codes for printing hundreds of vouchers in one go.

Same mark as ``pdfkit.draw_qr`` (error correction M, 4-module quiet zone inside size×size), and
the same symbols reportlab's encoder makes, only faster: the data segments, the Reed-Solomon
generator polynomials, the function patterns and the module placement all come from
reportlab's qrencoder, but each version's layout is worked out once (the function patterns
with each mask's bits over the data area, and where every data bit goes), so a symbol is its
codewords placed into one integer and XORed with each mask's template. The mask is chosen by
the ISO/IEC 18004 penalty rules (§7.8.3), scored on the whole symbol as one integer whose bits
are the modules row by row: runs, 2×2 blocks and finder-like patterns become a few shifts and
ANDs, horizontally by 1 and vertically by a row's width. The dark modules go into the page as
one path of integer rectangles under a scaling transform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET = 4  # modules of light margin on every side
LEVEL = qrencoder.QRErrorCorrectLevel.M
_DARK_RUN = re.compile(r"1+")
_PAD = (0xEC, 0x11)  # pad codewords, alternately (§7.4.10)


@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version shares."""

    size: int  # modules a side
    templates: tuple[int, ...]  # per mask: function patterns + format info + mask bits on data
    positions: tuple[int, ...]  # bit index of each data bit, in placement order
    blocks: tuple[tuple[int, int], ...]  # (data codewords, error correction codewords) a block


def _bits(modules) -> int:
    """Modules row by row as one integer: (row, col) is bit size² - 1 - (row·size + col)."""
    return int("".join("1" if m else "0" for row in modules for m in row), 2)


@lru_cache(maxsize=None)
def _layout(version: int) -> _Layout:
    qr = qrencoder.QRCode(version, LEVEL)
    qr.dataCache = []  # no data: every data module takes its mask's bit
    templates = []
    for mask in range(8):
        qr.makeImpl(False, mask)
        templates.append(_bits(qr.modules))
    n = qr.moduleCount
    positions = tuple(n * n - 1 - (row * n + col) for col, row in qr.dataPosIterator())
    blocks = tuple((b.dataCount, b.totalCount - b.dataCount)
                   for b in qrencoder.QRRSBlock.getRSBlocks(version, LEVEL))
    return _Layout(n, tuple(templates), positions, blocks)


@lru_cache(maxsize=None)
def _generator_table(ec_count: int) -> tuple[tuple[int, ...], ...]:
    """For each leading coefficient, its product with the generator polynomial (less its x^k)."""
    gen = qrencoder.QRUtil.getErrorCorrectPolynomial(ec_count).num[1:]
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    table = [(0,) * ec_count]
    for coef in range(1, 256):
        table.append(tuple(exp[(log[g] + log[coef]) % 255] for g in gen))
    return tuple(table)


def _error_correction(data: list[int], ec_count: int) -> list[int]:
    """The Reed-Solomon remainder of ``data`` (polynomial division, one row of XORs a step)."""
    table = _generator_table(ec_count)
    rem = [0] * ec_count
    for byte in data:
        row = table[byte ^ rem[0]]
        rem = [a ^ b for a, b in zip(rem[1:] + [0], row)]
    return rem


def _codewords(payload: str) -> tuple[int, list[int]]:
    """The symbol version and its final codeword sequence (data and error correction blocks,
    interleaved) for ``payload``, as reportlab's ``QRCode.createData`` makes it."""
    qr = qrencoder.QRCode(None, LEVEL)
    qr.addData(payload)
    version = qr.calculate_version()
    layout = _layout(version)
    capacity = sum(d for d, _ in layout.blocks)
    buffer = qrencoder.QRBitBuffer()
    for segment in qr.dataList:
        segment.write(buffer, version)
    length = buffer.getLengthInBits()
    if length + 4 <= capacity * 8:
        length += 4  # terminator (zeros), left out when fewer than four bits remain
    data = buffer.buffer + [0] * ((length + 7) // 8 - len(buffer.buffer))
    data += [_PAD[i % 2] for i in range(capacity - len(data))]
    data_blocks, ec_blocks, offset = [], [], 0
    for count, ec_count in layout.blocks:
        block = data[offset:offset + count]
        offset += count
        data_blocks.append(block)
        ec_blocks.append(_error_correction(block, ec_count))
    out = []
    for blocks in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in blocks)):
            out.extend(b[i] for b in blocks if i < len(b))
    return version, out


@lru_cache(maxsize=None)
def _masks(n: int) -> tuple[int, ...]:
    """Which bit positions start a window of 2, 4, 5, 7, 11 modules inside the symbol: across
    (same row) and down (same column), in that order."""
    across, down = [], []
    for length in (2, 4, 5, 7, 11):
        row = sum(1 << j for j in range(n - length + 1))  # low bits of each row
        across.append(sum(row << (n * r) for r in range(n)))
        down.append((1 << (n * (n - length + 1))) - 1)
    return tuple(across + down)


def _score(x: int, n: int) -> int:
    """Penalty N1..N4 of ISO/IEC 18004 §7.8.3 for the symbol ``x`` (see ``_bits``), n a side."""
    h2, h4, h5, h7, h11, v2, v4, v5, v7, v11 = _masks(n)
    nx = ~x
    score = 0
    for step, two, four, five, seven, eleven in ((1, h2, h4, h5, h7, h11),
                                                  (n, v2, v4, v5, v7, v11)):
        same = ~(x ^ (x >> step)) & two  # module and the next one alike
        # N1: a run of 5 + i alike scores 3 + i = (windows of 5 in it) + 2 for its start
        windows = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step) & five
        starts = windows & ~(same << step)
        score += windows.bit_count() + 2 * starts.bit_count()
        # N3: 1011101 with 4 light modules on one side, 40 each
        core = (x & (nx >> step) & (x >> 2 * step) & (x >> 3 * step) & (x >> 4 * step)
                & (nx >> 5 * step) & (x >> 6 * step) & seven)
        light = ~(x | (x >> step) | (x >> 2 * step) | (x >> 3 * step)) & four
        finders = ((core >> 4 * step) & light | core & (light >> 7 * step)) & eleven
        score += 40 * finders.bit_count()
        if step == 1:
            across = same
    # N2: 2×2 blocks alike, 3 each
    score += 3 * (across & (across >> n) & ~(x ^ (x >> n)) & v2).bit_count()
    # N4: 10 for each full 5 % the dark share is away from 50 %
    cells = n * n
    score += 10 * (abs(20 * x.bit_count() - 10 * cells) // cells)
    return score


def penalty(rows: list[str]) -> int:
    """Mask penalty score N1..N4 of ISO/IEC 18004 §7.8.3 for a symbol given as '0'/'1' rows."""
    return _score(int("".join(rows), 2), len(rows))


def symbol(payload: str, mask: int | None = None) -> tuple[int, int]:
    """(modules a side, the modules as one integer, see ``_bits``) for ``payload``; the mask
    with the lowest penalty unless ``mask`` forces one."""
    version, codewords = _codewords(payload)
    layout = _layout(version)
    n = layout.size
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
    data = sum(1 << p for bit, p in zip(bits, layout.positions) if bit == "1")
    if mask is not None:
        return n, layout.templates[mask] ^ data
    candidates = [t ^ data for t in layout.templates]
    return n, min(candidates, key=lambda x: _score(x, n))


def qr_modules(payload: str, mask: int | None = None) -> list[list[bool]]:
    """The symbol's modules (True = dark), without quiet zone; ``mask`` forces a mask pattern."""
    n, x = symbol(payload, mask)
    flat = format(x, f"0{n * n}b")
    return [[ch == "1" for ch in flat[r * n:(r + 1) * n]] for r in range(n)]


def draw_qr_mark(c: Canvas, x: float, y: float, size: float, payload: str,
                 mask: int | None = None) -> None:
    """QR code filling size×size with its bottom-left corner at (x, y)."""
    n, modules = symbol(payload, mask)
    flat = format(modules, f"0{n * n}b")
    unit = size / (n + 2 * QUIET)
    ops = [f"{m.start() - r * n} {r} {m.end() - m.start()} 1 re"
           for r in range(n) for m in _DARK_RUN.finditer(flat, r * n, (r + 1) * n)]
    c.saveState()
    c.setFillGray(0)
    # module space: origin at the symbol's top-left corner, one unit per module, y downwards
    c.transform(unit, 0, 0, -unit, x + QUIET * unit, y + size - QUIET * unit)
    c.addLiteral(" ".join(ops) + " f")
    c.restoreState()
