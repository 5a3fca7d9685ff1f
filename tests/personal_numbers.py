"""Helpers for the masking tests: a row's personal number in full (tests look inside; the app
never does), and how many ID numbers fit what a masked output shows of a person."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from union_desk.models.personal import Personal

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
EARLIEST = date(1900, 1, 1)  # a living person's birth date: 1900 until today


def full(value: Personal) -> str:
    return value._full


def _residues(positions: list[int], allowed: dict[int, str]) -> list[int]:
    """How many ways the hidden digits at `positions` add up to each residue mod 11."""
    counts = [1] + [0] * 10
    for pos in positions:
        step = [0] * 11
        for r, n in enumerate(counts):
            if n:
                for d in allowed.get(pos, "0123456789"):
                    step[(r + WEIGHTS[pos] * int(d)) % 11] += n
        counts = step
    return counts


def consistent_ids(masked: str, *, year: int | None = None, born: date | None = None,
                   gender: str | None = None, latest: date | None = None) -> int:
    """How many valid 18-character ID numbers (GB 11643: a real date, the right check
    character) agree with a masked number (`*` hidden) and with what else a row shows of the
    person: the birth year or date, the gender (男: odd 17th digit). Areas are any six digits."""
    assert len(masked) == 18, masked
    latest = latest or date.today()
    known = {i: c for i, c in enumerate(masked) if c != "*"}
    allowed = {16: "13579" if gender == "男" else "02468"} if gender else {}
    if 16 in known and gender and known[16] not in allowed[16]:
        return 0
    hidden = [i for i in (*range(6), 14, 15, 16) if i not in known]
    fixed = sum(WEIGHTS[i] * int(known[i]) for i in (*range(6), 14, 15, 16) if i in known)
    ways = _residues(hidden, allowed)
    if born is not None:
        first = last = born
    else:
        first = date(year, 1, 1) if year else EARLIEST
        last = min(date(year, 12, 31), latest) if year else latest
    shown_date = "".join(known.get(6 + k, "*") for k in range(8))
    total = 0
    for r_date, n_days in enumerate(_date_residues(first, last, shown_date)):
        r = (fixed + r_date) % 11
        if 17 in known:
            total += n_days * sum(n for s, n in enumerate(ways) if CHECK[(r + s) % 11] == known[17])
        else:
            total += n_days * sum(ways)
    return total


@lru_cache(maxsize=None)
def _date_residues(first: date, last: date, shown: str) -> tuple[int, ...]:
    """How many real dates in [first, last] agreeing with the shown date digits give each
    residue of their 8 digits' weighted sum mod 11."""
    counts = [0] * 11
    for n in range((last - first).days + 1):
        digits = f"{first + timedelta(n):%Y%m%d}"
        if all(s in ("*", d) for s, d in zip(shown, digits)):
            counts[sum(WEIGHTS[6 + k] * int(d) for k, d in enumerate(digits)) % 11] += 1
    return tuple(counts)


def leaked(text: str, numbers: set[str]) -> set[str]:
    """The full numbers found inside `text` (within any run of digits)."""
    found = set()
    lengths = {len(n) for n in numbers}
    for run in re.findall(r"[0-9Xx]{8,}", text):
        run = run.upper()
        for size in lengths:
            for i in range(len(run) - size + 1):
                if run[i:i + size] in numbers:
                    found.add(run[i:i + size])
    return found
