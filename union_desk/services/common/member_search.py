"""Finding members by what the clerk types: one place builds the SQL conditions, for the roster,
the household files and the payments lists alike.

What matches (`normalise_search` says which kind was typed):
- digits (full-width, spaced or hyphenated too): any part of an ID number or phone — the start,
  the last digits the masked columns show, or the middle — or the start of a card number;
- Latin letters: pinyin initials or full pinyin, the surname read either way, or the start of a
  card number;
- anything else: any part of the name.

Each way of matching is a `Term`: a condition an index answers (a B-tree range, or the trigram
index for three digits or more: `search_sql.digits_contain`) and the same test written on the
columns of `ix_member_walk`, the live members in name order. `services/common/search_plan.py`
uses both to find a page of hits in name order at a million members within a frame.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from union_desk.search_sql import digits_contain
from union_desk.domain.search import normalise_search
from union_desk.models.member import Member

TOP = "\U0010ffff"


def prefix(column, text: str):
    """column starts with text, as a range an index answers (LIKE 'x%' is not indexed in SQLite
    with its default case-insensitive LIKE)."""
    return sa.and_(column >= text, column < text + TOP)


@dataclass(frozen=True)
class Term:
    """One way a member matches what was typed.

    `hits`: a condition on `member` an index answers, true for every match (on SQLite's trigram
    index for a superset, so it goes with `exact`); None when no index can (one or two digits
    anywhere in a number: nearly everyone has them). `exact`: the test itself, on the columns of
    `ix_member_walk`. `low`/`high`: the name keys (py_full) between which every match lies.
    `surname`: the match is the start of the name, so its hits lie together per first character
    (`ix_member_surname`). `digits`: the part of a number the trigram index looks for. `alt`:
    a match on the other reading of a surname, which only the few members with such a surname
    have (`ix_member_alt`)."""

    hits: object | None
    exact: object
    low: str = ""
    high: str = TOP
    surname: str = ""
    digits: str = ""
    alt: bool = False


def _prefix_term(column, text: str, low: str = "", high: str = TOP, *, live: bool = False) -> Term:
    """`live`: the column's index holds live members only (ix_member_walk), so the condition
    says so too, or no planner may use the index."""
    condition = prefix(column, text)
    return Term(sa.and_(Member.deleted_at.is_(None), condition) if live else condition,
                condition, low, high)


def _alt_term(column, text: str) -> Term:
    """The other reading of a surname: only the few members with such a surname have one, all
    in ix_member_alt (which the condition names, so the planner reads it)."""
    condition = prefix(column, text)
    return Term(sa.and_(Member.deleted_at.is_(None), Member.py_full_alt != "", condition),
                condition, alt=True)


def name_from(position: int, length: int | None = None):
    """`substr(member.name_key, position[, length])` written as the indexes on it are (constants,
    not bound values), so the planner matches them."""
    args = [sa.literal_column(str(position))]
    if length is not None:
        args.append(sa.literal_column(str(length)))
    return sa.func.substr(Member.name_key, *args)


def _contains(column, text: str):
    return column.contains(text, autoescape=True)


def member_terms(typed: str | None) -> list[Term] | None:
    """What the clerk typed → the ways a member matches it, or None when nothing was typed."""
    kind, text = normalise_search(typed)
    if not kind:
        return None
    if kind == "number":
        anywhere = sa.or_(_contains(Member.id_number, text), _contains(Member.phone, text))
        digits = Term(sa.and_(digits_contain(text), anywhere), anywhere, digits=text) \
            if len(text) >= 3 else Term(None, anywhere)
        return [_prefix_term(Member.card_no, text), digits]
    if kind == "latin":
        # a person's initials and full pinyin start with the same letter: those hits lie
        # between that letter and the next in name order
        first = text[0]
        return [_prefix_term(Member.py_initials, text, first, first + TOP),
                _prefix_term(Member.py_full, text, text, text + TOP, live=True),
                _alt_term(Member.py_initials_alt, text), _alt_term(Member.py_full_alt, text),
                _prefix_term(Member.card_no, text.upper())]
    anywhere = _contains(Member.name_key, text)
    start = sa.and_(Member.deleted_at.is_(None), name_from(1, 1) == text[0],
                    prefix(Member.name_key, text))  # ix_member_surname
    return [Term(start, anywhere, surname=text),
            # the name's second and third characters on: every part of a name of up to three
            # characters starts at one of the first three; longer names are few
            Term(prefix(name_from(2), text), anywhere),
            Term(prefix(name_from(3), text), anywhere),
            Term(sa.and_(sa.func.length(Member.name_key) > sa.literal_column("3"), anywhere),
                 anywhere)]


def member_condition(typed: str | None):
    """What the clerk typed → one condition on `member` (exact, index-backed where an index can
    answer), or None when nothing was typed."""
    terms = member_terms(typed)
    if terms is None:
        return None
    return sa.or_(*(t.exact if t.hits is None else t.hits for t in terms))
