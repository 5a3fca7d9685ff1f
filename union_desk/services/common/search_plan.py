"""A page of the members matching what was typed, in name order, without sorting every hit or
walking every member: the plan behind search-as-you-type at a million members.

For each way of matching (`member_search.Term`) an index counts the hits, up to `CAP`:
- a term with few hits is read through its index, and its hits are sorted (cost ∝ hits);
- a term with many is found by walking the live members in name order (`ix_member_walk`, or
  `ix_member_surname` for the start of a name) and testing each entry, which stops once the page
  is full: with more than CAP hits among N members that reads at most about page × N / CAP
  entries, and fewer where the hits lie together (a pinyin prefix: between its letters).
On SQLite, a part of an ID number or phone is read from the digits index in name order
(`search_sql.ordered_digit_hits`): the first hits, whatever their number, nothing counted.
The page is the first rows of all, merged. The total is exact when every term had few hits;
otherwise it is "more than CAP" until the clerk asks for the exact count (`exact_total`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import sqlalchemy as sa

from union_desk.dialect import dialect_name
from union_desk.models.member import Member
from union_desk.search_sql import (NAME_PARTS, digit_candidates, digits_pattern, estimated_rows,
                                   ids_in, index_order, numbers_hold, numbers_in_part,
                                   numbers_like, ordered_digit_hits, rowid_in)
from union_desk.services.common.member_search import Term, member_terms

CAP = 5000  # hits a term may have and still be sorted; beyond, the name order is walked
COMMON = 10  # PostgreSQL: digits the planner expects in more than COMMON × CAP members are walked
SAMPLE = 2000  # PostgreSQL: members in name order first tested for a part of a number
WALK_MAX = 40_000  # … and walked on when that finds the page within about this many entries
FIRST_PARTS = 2  # PostgreSQL: parts of the name order read first for a part of a number (0019)


@dataclass(frozen=True)
class SearchTotal:
    """How many members match: `count`, or more than `count` when `more`."""

    count: int
    more: bool = False


def _live():
    return Member.deleted_at.is_(None)


def _capped_counts(session, conditions: list, cap: int) -> list[int]:
    """For each condition, its members counted up to cap + 1, all in one statement (one round
    trip; each count still reads its own index)."""
    if not conditions:
        return []
    counts = [sa.select(sa.func.count()).select_from(
        sa.select(sa.literal(1)).select_from(Member.__table__).where(condition)
        .limit(cap + 1).subquery()).scalar_subquery() for condition in conditions]
    return list(session.execute(sa.select(*counts)).one())


def _common(session, term: Term, cap: int) -> bool:
    """PostgreSQL: the planner expects many times `cap` members to hold these digits (walking
    the name order finds a page of them at once; counting them would read them all)."""
    estimate = estimated_rows(session, sa.select(sa.literal(1)).select_from(Member.__table__)
                              .where(_live(), term.hits))
    return estimate is not None and estimate > COMMON * cap


def split_terms(session, terms: list[Term], cap: int) -> tuple[list[Term], list[Term]]:
    """(few, many): the terms with hits whose index counted at most `cap` of them, and the
    terms with more (or none an index can count); terms without hits are left out."""
    counted, to_count = [], []
    for term in terms:
        rowids = digit_candidates(session, term.digits, cap + 1) if term.digits else None
        if rowids is not None:  # SQLite: the trigram index's candidates, then each checked
            counted.append((replace(term, hits=sa.and_(rowid_in(Member.__table__, rowids),
                                                       term.exact)), len(rowids)))
        elif term.hits is None or (term.digits and _common(session, term, cap)):
            counted.append((term, cap + 1))
        else:
            counted.append((term, None))
            to_count.append(term.hits)
    counts = iter(_capped_counts(session, to_count, cap))
    few, many = [], []
    for term, count in counted:
        count = next(counts) if count is None else count
        if count > cap:
            many.append(term)
        elif count:
            few.append(term)
    return few, many


def _order(descending: bool, *, sortable: bool = True):
    key = Member.py_full if sortable else Member.py_full.op("||")("")
    return [key.desc(), Member.id.desc()] if descending else [key.asc(), Member.id.asc()]


def _walks(many: list[Term]):
    """(index, condition) of each walk the many-hit terms need."""
    walks = []
    for term in many:
        if term.surname:  # a common surname: its members in name order, one index range
            walks.append(("ix_member_surname", term.hits))
        elif term.alt:  # the other reading of a surname: the few members who have one
            walks.append(("ix_member_alt", term.hits))
    rest = [t for t in many if not (t.surname or t.alt)]
    if rest:
        low, high = min(t.low for t in rest), max(t.high for t in rest)
        walks.append(("ix_member_walk", sa.and_(Member.py_full >= low, Member.py_full < high,
                                                sa.or_(*(t.exact for t in rest)))))
    return walks


def _digit_keys(session, term: Term, keys: sa.Select, wanted: int, descending: bool,
                cap: int):
    """The keys (py_full, id) among which lie the first `wanted` hits of a digits term: on
    SQLite from the digits index in name order (`ordered_digit_hits`); on PostgreSQL by
    `_sampled_digit_keys`. None when neither applies (SQLite with many members written by
    another program: `split_terms` counts and sorts them, or walks).
    The session's reads may be filtered (one township chosen at the city office: the keys
    read are that township's), so on SQLite the index is read further, four times as far each
    time, until the keys hold the page or the index has no more hits."""
    reading = wanted
    while (ordered := ordered_digit_hits(session, term.digits, reading,
                                         descending=descending)) is not None:
        rowids, noted = ordered  # the noted members' entries may be stale: test them
        condition = rowid_in(Member.__table__, rowids)
        if noted:
            condition = sa.or_(condition, sa.and_(rowid_in(Member.__table__, noted), term.exact))
        found = list(map(tuple, session.execute(keys.where(_live(), condition)).all()))
        if len(found) >= wanted or len(rowids) < reading:
            return found
        reading *= 4
    if dialect_name(session) != "postgresql":
        return None
    return _sampled_digit_keys(session, term, wanted, descending, cap)


def _sampled_digit_keys(session, term: Term, wanted: int, descending: bool, cap: int) -> list:
    """PostgreSQL: the first `wanted` hits of a digits term in name order. The first SAMPLE
    live members in that order are tested (an index-only read of ix_member_walk; digits do not
    depend on names, so they are a fair sample): the page may be among them; when hits are
    common enough that walking on finds the rest within about WALK_MAX entries, the walk goes on
    from there; when the sample holds a few, the parts of the name order are read in order
    through their own trigram indexes (`_parts`, migration 0019) until they hold the page; when
    it holds none, the hits are found by the whole trigram indexes and sorted (counted up to
    cap + 1: beyond, walked after all). The sample and that last read are one statement (one
    round trip): the read sits behind a condition on the sample's hits that the server
    evaluates once, before it, and skips it when it is false. No estimate is asked of the
    planner (an EXPLAIN of a trigram LIKE took 3–8 ms to plan at a million members). Each
    statement is built once (`_statement`) and run with the keystroke's values."""
    values = {"pattern": digits_pattern(term.digits), "sample": SAMPLE, "firsts": wanted + 1,
              "few": cap + 1, "wanted": wanted}
    result = session.execute(_statement(("sampled", descending), _sampled, descending),
                             values).all()
    rows = [r for r in result if r.part == 0]
    hits = [(r.py_full, r.id) for r in rows if r.hit]  # (and the sample's last member)
    if len(hits) >= wanted or not rows or rows[-1].n < SAMPLE:  # the page, or every member
        return hits[:wanted]
    if hits and len(hits) * WALK_MAX < wanted * SAMPLE:  # a few: the name order's parts
        return _part_hits(session, values["pattern"], wanted, descending)
    if not hits:  # none among SAMPLE members: the trigram indexes' hits, sorted
        found = [r for r in result if r.part == 1]
        if not found or found[0].found <= cap:
            return [(r.py_full, r.id) for r in found]
    walk = _statement(("walk on", descending), _walk_on, descending)
    return hits + list(map(tuple, session.execute(walk, {
        "digits": term.digits, "after_key": rows[-1].py_full, "after_id": rows[-1].id,
        "more": wanted - len(hits)}).all()))


_STATEMENTS: dict[tuple, sa.Select] = {}


def _statement(key: tuple, build, *args) -> sa.Select:
    """The statement `build(*args)` made once and kept, to be run with each keystroke's values
    as bound parameters: SQLAlchemy works out a statement object's cache key once, so a
    keystroke neither builds the tree nor walks it again (the digits' statement: 2 ms of the 5 ms
    a page cost in this process). A statement changed as it runs (the city's township view adds
    its criteria) gets its own key, as before."""
    found = _STATEMENTS.get(key)
    if found is None:
        if len(_STATEMENTS) > 64:  # keyed by callers' base selects too: never a growing store
            _STATEMENTS.clear()
        found = _STATEMENTS[key] = build(*args)
    return found


def _value(name: str, type_=sa.Integer):
    return sa.bindparam(name, type_=type_)


def _sampled(descending: bool) -> sa.Select:
    """`_sampled_digit_keys`' statement: bound values `pattern` (`numbers_like`), `sample`
    (SAMPLE), `firsts` (wanted + 1), `few` (cap + 1) and `wanted`. Its rows: the sample's hits and last member (part 0); when the sample
    holds no hit but went through SAMPLE members, the trigram indexes' hits, sorted and counted
    (part 1)."""
    order = _order(descending)
    hit = numbers_like(_value("pattern", sa.String))
    sample = sa.select(Member.py_full, Member.id, hit.label("hit")).where(_live()) \
        .order_by(*order).limit(_value("sample")).subquery()
    numbered = sa.select(sample.c.py_full, sample.c.id, sample.c.hit,
                         sa.func.row_number().over(order_by=_sub_order(sample, descending))
                         .label("n")).subquery()
    firsts = sa.select(numbered).where(sa.or_(numbered.c.hit, numbered.c.n == _value("sample"))) \
        .order_by(numbered.c.n).limit(_value("firsts")).cte("firsts")
    sampled = sa.select(sa.func.count()).select_from(firsts).where(firsts.c.hit) \
        .scalar_subquery()
    last = sa.select(sa.func.coalesce(sa.func.max(firsts.c.n), 0)).scalar_subquery()
    few = sa.select(Member.py_full, Member.id).where(_live(), hit).limit(_value("few")) \
        .subquery()
    first_few = sa.select(few.c.py_full, few.c.id, sa.func.count().over().label("found")) \
        .where(last == _value("sample"), sampled == 0) \
        .order_by(*_sub_order(few, descending)).limit(_value("wanted")).subquery()
    sorted_few = sa.select(sa.literal(1).label("part"), first_few.c.py_full, first_few.c.id,
                           sa.true().label("hit"),
                           sa.func.row_number().over(order_by=_sub_order(first_few, descending)),
                           first_few.c.found)
    both = sa.union_all(sa.select(sa.literal(0).label("part"), firsts.c.py_full, firsts.c.id,
                                  firsts.c.hit, firsts.c.n, sa.literal(0).label("found")),
                        sorted_few).subquery()
    return sa.select(both).order_by(both.c.part, both.c.n)


def _parts(descending: bool, first: int, stop: int) -> sa.Select:
    """The first `wanted` hits of `pattern` in each part of the name order
    (`search_sql.numbers_in_part`, each read through its own small trigram index and sorted),
    parts `first` … `stop` - 1 in the order asked for, each read only while the parts before it
    in the statement hold fewer than `wanted` (a condition the server tests once, before
    reading the part)."""
    order = list(reversed(range(len(NAME_PARTS) + 1))) if descending else \
        list(range(len(NAME_PARTS) + 1))
    parts = []
    for part in order[first:stop]:
        before = sum((sa.select(sa.func.count()).select_from(p).scalar_subquery() for p in parts),
                     start=sa.literal(0))
        parts.append(sa.select(Member.py_full, Member.id)
                     .where(numbers_in_part(part, _value("pattern", sa.String)),
                            before < _value("wanted"))
                     .order_by(*_order(descending, sortable=False)).limit(_value("wanted"))
                     .cte(f"part_{part}"))
    return sa.union_all(*(sa.select(p.c.py_full, p.c.id) for p in parts))


def _part_hits(session, pattern: str, wanted: int, descending: bool) -> list:
    """The first `wanted` hits of `pattern` in name order, read from the parts of the name order
    in order: the first FIRST_PARTS in one statement, the rest in another only when those hold
    fewer than `wanted` (the server plans a part in 0.1 ms, as long as reading one that a page
    of hits reaches: the rest are planned only when needed)."""
    values, found = {"pattern": pattern, "wanted": wanted}, []
    for first, stop in ((0, FIRST_PARTS), (FIRST_PARTS, len(NAME_PARTS) + 1)):
        statement = _statement(("parts", descending, first, stop), _parts, descending, first, stop)
        found += map(tuple, session.execute(statement, values).all())
        if len(found) >= wanted:
            break
        values["wanted"] = wanted - len(found)
    return sorted(found, reverse=descending)[:wanted]


def _walk_on(descending: bool) -> sa.Select:
    """The walk on from the sample's last member (`after_key`, `after_id`) in name order for
    `more` members whose numbers hold `digits`. The test is one no index answers
    (`search_sql.numbers_hold`), so the only fast plan is the walk along ix_member_walk, which
    the planner takes without being made to (`index_order`'s two statements, a round trip
    each, are not needed)."""
    key = sa.tuple_(Member.py_full, Member.id)
    mark = sa.tuple_(_value("after_key", sa.String), _value("after_id", sa.String))
    return sa.select(Member.py_full, Member.id).select_from(Member.__table__) \
        .where(_live(), key < mark if descending else key > mark,
               numbers_hold(_value("digits", sa.String))) \
        .order_by(*_order(descending)).limit(_value("more"))


def _sub_order(table, descending: bool) -> list:
    """The name order (py_full, id) on a subquery's columns."""
    return [table.c.py_full.desc(), table.c.id.desc()] if descending else \
        [table.c.py_full, table.c.id]


def search_page(session, base: sa.Select, typed: str, *, descending: bool = False,
                offset: int = 0, limit: int = 100, cap: int | None = None) -> list:
    """Rows of `base` (a select of member columns, `member` first in its FROM) for the live
    members matching `typed`, in name order (py_full, id), rows offset … offset+limit.

    First the keys (name key and id) of the first offset+limit hits of each term, read from
    its index alone where it can; then the rows of the page, by id."""
    terms = member_terms(typed) or []
    wanted, cap = offset + limit, CAP if cap is None else cap
    keys = sa.select(Member.py_full, Member.id).select_from(Member.__table__)
    found, rest = [], []
    for term in terms:
        ordered = _digit_keys(session, term, keys, wanted, descending, cap) \
            if term.digits else None
        if ordered is None:
            rest.append(term)
        else:
            found += ordered
    few, many = split_terms(session, rest, cap)
    for term in few:  # one query each: every one goes through its own index, whatever the
        # planner thinks of an OR on a file without statistics
        query = keys.where(_live(), term.hits).order_by(*_order(descending, sortable=False))
        found += map(tuple, session.execute(query.limit(wanted)).all())
    for index, condition in _walks(many):
        query = keys.where(_live(), condition).order_by(*_order(descending)).limit(wanted)
        with index_order(session, query, Member.__table__, index) as walk:
            found += map(tuple, session.execute(walk).all())
    page = sorted(set(found), reverse=descending)[offset:wanted]
    if not page:
        return []
    by_id = _statement(("rows", dialect_name(session), base),
                       lambda: base.where(ids_in(session, Member.id)))
    rows = {r.id: r for r in session.execute(by_id, {"ids": [k[1] for k in page]})}
    return [rows[member_id] for _key, member_id in page if member_id in rows]


def search_total(session, typed: str, cap: int | None = None) -> SearchTotal:
    """The number of live members matching `typed`; "more than cap" rather than counting them
    all when any way of matching has more (`exact_total` counts them all)."""
    terms = member_terms(typed)
    if terms is None:
        return SearchTotal(exact_total(session, typed))
    cap = CAP if cap is None else cap
    few, many = split_terms(session, terms, cap)
    if many:
        return SearchTotal(cap, more=True)
    return SearchTotal(exact_total(session, typed, terms=few))


def exact_total(session, typed: str, *, terms: list[Term] | None = None) -> int:
    """Every live member matching `typed`, counted (a clerk's request at a million members may
    take a second or two). Terms an index answers are counted each through its own index."""
    terms = member_terms(typed) if terms is None else terms
    if not terms:
        condition = sa.true() if terms is None else sa.false()
    elif any(t.hits is None for t in terms):
        condition = sa.or_(*(t.exact for t in terms))
    else:
        ids = sa.union(*(sa.select(Member.id).where(_live(), t.hits) for t in terms)).subquery()
        return session.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one()
    return session.execute(sa.select(sa.func.count()).select_from(Member.__table__)
                           .where(_live(), condition)).scalar_one()
