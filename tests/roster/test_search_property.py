"""The search plan against a plain reference: on random members (some tombstoned, surnames read
two ways, numbers sharing digits) and random parts of what they hold, the page in name order,
any slice of it, and the total are what filtering every member in Python gives — with every
way of matching sorted from its index (a large cap), walked in name order (cap 0) and mixed."""
import random
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from union_desk.domain.idcard import check_char
from union_desk.domain.search import normalise_search
from union_desk.models.base import new_id
from union_desk.models.member import Member, MemberEvent, search_columns
from union_desk.services.common import search_plan
from union_desk.services.roster import members

pytestmark = pytest.mark.both_engines

SURNAMES = "曾单张王李陈覃区欧"
GIVEN = "丹伟晓兰雄明红国华英强"
NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@st.composite
def people(draw):
    """Up to 40 members: names of 2–5 characters, valid ID numbers (some sharing digits with
    phones), phones or none, card numbers or none, a few tombstoned."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    count = draw(st.integers(1, 40))
    out, numbers = [], set()
    for i in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 4)))
        first17 = ""
        while not first17 or first17 in numbers:  # one live member per ID number
            first17 = f"{rng.choice(['330182', '522601', '110105'])}19{rng.randint(50, 99)}" \
                      f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        numbers.add(first17)
        phone = rng.choice(["", f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                            f"138{first17[6:14]}"])
        card = rng.choice([None, f"DY{i:04d}", f"JD{rng.randrange(100):02d}{i:02d}"])
        out.append(dict(name=name, id_number=first17 + check_char(first17), phone=phone,
                        card_no=card, dead=rng.random() < 0.15))
    return out


def queries(rows, rng: random.Random) -> list[str]:
    """Parts of what the members hold (as clerks type them), and some that match nothing."""
    picked = []
    for _ in range(12):
        row = rng.choice(rows)
        field = rng.choice(["name", "id_number", "phone", "py_initials", "py_full",
                            "py_initials_alt", "card_no"])
        text = row.get(field) or row["name"]
        start = rng.randrange(len(text))
        picked.append(text[start:start + rng.randint(1, 6)])
    return picked + ["x", "7", "99", "曾", "zd", "c", "DY00", "13", "330182", "丹伟"]


def reference(rows, typed: str) -> list[str]:
    kind, text = normalise_search(typed)

    def hit(r) -> bool:
        if kind == "number":
            return text in r["id_number"] or text in r["phone"] or \
                (r["card_no"] or "").startswith(text)
        if kind == "latin":
            return any(r[k].startswith(text) for k in ("py_initials", "py_full",
                                                       "py_initials_alt", "py_full_alt")
                       if r[k]) or (r["card_no"] or "").startswith(text.upper())
        return text in r["name_key"]

    live = [r for r in rows if not r["dead"] and hit(r)]
    return [r["id"] for r in sorted(live, key=lambda r: (r["py_full"], r["id"]))]


def _insert(db, union_id: str, people_rows: list[dict]) -> list[dict]:
    rows = []
    for p in people_rows:
        row = dict(id=new_id(), township="DY", created_at=NOW, updated_at=NOW,
                   deleted_at=NOW if p["dead"] else None, name=p["name"],
                   id_number=p["id_number"], phone=p["phone"], ethnicity="汉族", employer="",
                   union_id=union_id, join_date=None, card_no=p["card_no"], is_migrant=False,
                   hukou_type="", gender="男", birth_date=None, status="在册", status_date=None,
                   **search_columns(name=p["name"], id_number=p["id_number"], phone=p["phone"]))
        rows.append(row)
    with db.session(write=True) as s:
        s.execute(sa.insert(Member), rows)
    return [dict(r, dead=r["deleted_at"] is not None) for r in rows]


def _clear(db) -> None:
    """Between examples (tests only: the app never deletes a row). On SQLite this runs the
    delete trigger that keeps the digits index exact."""
    with db.session(write=True) as s:
        s.execute(sa.delete(MemberEvent))
        s.execute(sa.delete(Member))


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=people(), seed=st.integers(0, 2**16))
def test_the_search_finds_what_filtering_every_member_finds(db, union, data, seed):
    rng = random.Random(seed)
    rows = _insert(db, union.id, data)
    try:
        base = members._row_select()
        with db.session() as s:
            for typed in queries(rows, rng):
                expected = reference(rows, typed)
                for cap in (0, 2, 10_000):
                    found = [r.id for r in search_plan.search_page(s, base, typed, cap=cap,
                                                                   limit=100)]
                    assert found == expected[:100], (typed, cap, [
                        (r["name"], r["id_number"], r["phone"], r["card_no"], r["dead"])
                        for r in rows if r["id"] in set(found) ^ set(expected)])
                    offset, limit = rng.randint(0, 5), rng.randint(1, 7)
                    page = search_plan.search_page(s, base, typed, cap=cap, offset=offset,
                                                   limit=limit)
                    assert [r.id for r in page] == expected[offset:offset + limit], (typed, cap)
                    back = search_plan.search_page(s, base, typed, cap=cap, descending=True,
                                                   limit=100)
                    assert [r.id for r in back] == expected[::-1][:100], (typed, cap)
                    total = search_plan.search_total(s, typed, cap=cap)
                    if not total.more:
                        assert total.count == len(expected), (typed, cap)
                assert search_plan.exact_total(s, typed) == len(expected), typed
                assert members.count_members(s, text=typed) == len(expected), typed
    finally:
        _clear(db)


def test_common_digits_are_walked_on_postgresql_by_the_planners_estimate(db, union, monkeypatch):
    """PostgreSQL: digits the planner expects in more than COMMON × CAP members are not counted
    through the trigram index (it would read them all) but walked; SQLite has no estimate and
    counts its FTS5 candidates. Either way the page is the same."""
    from union_desk.dialect import dialect_name, estimated_rows

    rows = _insert(db, union.id, [dict(name=f"张{c}", id_number=_valid(n), phone="",
                                       card_no=None, dead=False)
                                  for n, c in enumerate("丹伟晓兰")])
    try:
        with db.session() as s:
            estimate = estimated_rows(s, sa.select(sa.literal(1)).select_from(Member.__table__))
            assert (estimate is None) == (dialect_name(s) == "sqlite")
            terms = search_plan.member_terms("330182")
            # Given digits the planner expects in more than COMMON × cap members (COMMON 0: the
            # planner never estimates fewer than one row)
            monkeypatch.setattr(search_plan, "COMMON", 0)
            few, many = search_plan.split_terms(s, terms, 10)
            # Then on PostgreSQL they are walked though 4 ≤ 10 (a count would have said "few");
            # SQLite counts its candidates
            walked = [t.digits for t in many]
            assert walked == (["330182"] if estimate is not None else []), walked
            assert [t.digits for t in few] == ([] if estimate is not None else ["330182"])
            page = search_plan.search_page(s, members._row_select(), "330182", cap=10)
            assert [r.id for r in page] == reference(rows, "330182")
    finally:
        _clear(db)


def _valid(n: int) -> str:
    first17 = f"33018219800101{n:03d}"
    return first17 + check_char(first17)
