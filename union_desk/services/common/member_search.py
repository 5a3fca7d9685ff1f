"""Finding members by what the clerk types: one SQL condition over the member's indexed search
columns, shared by the roster, the household files and the payments lists."""
from __future__ import annotations

import sqlalchemy as sa

from union_desk.domain.search import normalise_search
from union_desk.models.member import Member

_TOP = "\U0010ffff"


def prefix(column, text: str):
    """column starts with text, as a range an index answers (LIKE 'x%' is not indexed in SQLite
    with its default case-insensitive LIKE)."""
    return sa.and_(column >= text, column < text + _TOP)


def member_condition(typed: str):
    """What the clerk typed → a condition on `member`, or None when nothing was typed.

    - digits (full-width, spaced or hyphenated too): the start of an ID number, phone or card
      number, or the last digits of an ID number or phone — what the masked columns show;
    - Latin letters: pinyin initials or full pinyin, the surname read either way, or a card number;
    - anything else: part of the name (LIKE '%…%': a scan of the name keys, as before).
    """
    kind, text = normalise_search(typed)
    if not kind:
        return None
    if kind == "number":
        tail = text[::-1]
        return sa.or_(prefix(Member.id_number, text), prefix(Member.phone, text),
                      prefix(Member.card_no, text), prefix(Member.id_number_rev, tail),
                      prefix(Member.phone_rev, tail))
    if kind == "latin":
        return sa.or_(prefix(Member.py_initials, text), prefix(Member.py_full, text),
                      prefix(Member.py_initials_alt, text), prefix(Member.py_full_alt, text),
                      prefix(Member.card_no, text.upper()))
    return Member.name_key.contains(text, autoescape=True)
