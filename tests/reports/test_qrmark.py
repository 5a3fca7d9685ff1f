"""reports/qrmark.py: the fast QR symbols are reportlab's symbols, and the bit-parallel mask
penalty is the ISO/IEC 18004 §7.8.3 penalty read plainly, module by module."""

from __future__ import annotations

import random
import re

import pytest
from reportlab.graphics.barcode import qrencoder

from union_desk.reports.qrmark import penalty, qr_modules

PAYLOADS = ["大洋镇-2021-0001|140950|ABCDEFGH", "1", "DY-YJ-001", "12345678901234567890",
            "建德市大洋镇环卫工人爱心驿家" * 3, "x" * 120, "2025-0335|83500|Q2W3E4R5" * 4]


def plain_penalty(rows: list[str]) -> int:
    """N1..N4 written out the slow, obvious way: every run, every 2×2 block, every place a
    1:1:3:1:1 pattern with four light modules beside it starts."""
    n = len(rows)
    lines = rows + ["".join(col) for col in zip(*rows)]
    score = 0
    for line in lines:
        for run in re.finditer(r"0+|1+", line):
            if len(run.group()) >= 5:
                score += 3 + len(run.group()) - 5
        for i in range(n - 10):
            if line[i:i + 11] in ("10111010000", "00001011101"):
                score += 40
    for r in range(n - 1):
        for c in range(n - 1):
            if rows[r][c] == rows[r][c + 1] == rows[r + 1][c] == rows[r + 1][c + 1]:
                score += 3
    dark_percent = 100 * sum(row.count("1") for row in rows) / (n * n)
    score += 10 * int(abs(dark_percent - 50) // 5)
    return score


@pytest.mark.parametrize("seed", range(6))
def test_fast_penalty_equals_the_plain_reading_on_random_symbols(seed):
    rnd = random.Random(seed)
    for n in (21, 25, 33, 45):
        for _ in range(15):
            dark = rnd.choice((0.1, 0.5, 0.9))
            rows = ["".join("1" if rnd.random() < dark else "0" for _ in range(n))
                    for _ in range(n)]
            assert penalty(rows) == plain_penalty(rows)


def test_finder_like_patterns_at_the_edges_and_in_columns_count():
    # Given the pattern flush against both edges of a row and down the first column
    n = 21
    rows = ["0" * n] * n
    rows[3] = "10111010000" + "0" * 6 + "1011"  # one at the left edge; the right one is cut
    rows[5] = "0" * 10 + "00001011101"  # one ending at the right edge
    column = "00001011101" + "0" * 10
    rows = [column[r] + rows[r][1:] for r in range(n)]
    # Then the fast score agrees with the plain one
    assert penalty(rows) == plain_penalty(rows)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_mask_gives_reportlabs_own_symbol(payload):
    for mask in range(8):
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(payload)
        qr.version = qr.calculate_version()
        qr.makeImpl(False, mask)
        assert qr_modules(payload, mask) == [[bool(m) for m in row] for row in qr.modules]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_chosen_mask_has_the_lowest_plain_penalty(payload):
    def rows(mask):
        return ["".join("1" if m else "0" for m in row) for row in qr_modules(payload, mask)]

    scores = [plain_penalty(rows(mask)) for mask in range(8)]
    chosen = ["".join("1" if m else "0" for m in row) for row in qr_modules(payload)]
    assert chosen == rows(scores.index(min(scores)))
