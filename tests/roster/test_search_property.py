"""The search plan against a plain reference: on random members (some tombstoned, surnames read
two ways, numbers sharing digits) and random parts of what they hold, the page in name order,
any slice of it, and the total are what filtering every member in Python gives — with every
way of matching sorted from its index (a large cap), walked in name order (cap 0) and mixed;
on PostgreSQL, parts of numbers also with every way the sample of the name order sends them
(found in it, walked on from it, sorted from the trigram index); on SQLite, with the digits
index in name order and members written by another program (noted, not yet indexed)."""
import sqlite3
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
from union_desk import search_sql
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
                   **search_columns(name=p["name"]))
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


def _same_as_reference(s, rows, typed, cap, rng) -> None:
    expected = reference(rows, typed)
    base = members._row_select()
    found = [r.id for r in search_plan.search_page(s, base, typed, cap=cap, limit=100)]
    assert found == expected[:100], (typed, cap, [
        (r["name"], r["id_number"], r["phone"], r["card_no"], r["dead"])
        for r in rows if r["id"] in set(found) ^ set(expected)])
    offset, limit = rng.randint(0, 5), rng.randint(1, 7)
    page = search_plan.search_page(s, base, typed, cap=cap, offset=offset, limit=limit)
    assert [r.id for r in page] == expected[offset:offset + limit], (typed, cap, offset, limit)
    back = search_plan.search_page(s, base, typed, cap=cap, descending=True, limit=100)
    assert [r.id for r in back] == expected[::-1][:100], (typed, cap)
    back = search_plan.search_page(s, base, typed, cap=cap, descending=True, offset=offset,
                                   limit=limit)
    assert [r.id for r in back] == expected[::-1][offset:offset + limit], (typed, cap)
    total = search_plan.search_total(s, typed, cap=cap)
    if not total.more:
        assert total.count == len(expected), (typed, cap)


# PostgreSQL's sample of the name order for parts of numbers (search_plan.SAMPLE, WALK_MAX):
# the whole file (as in the app), and three members with every branch after it
SAMPLES = [(search_plan.SAMPLE, search_plan.WALK_MAX), (3, 1), (3, 10**6)]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=people(), seed=st.integers(0, 2**16))
def test_the_search_finds_what_filtering_every_member_finds(db, union, data, seed):
    rng = random.Random(seed)
    rows = _insert(db, union.id, data)
    kept = search_plan.SAMPLE, search_plan.WALK_MAX
    try:
        with db.session() as s:
            for typed in queries(rows, rng):
                expected = reference(rows, typed)
                numbers = normalise_search(typed).kind == "number"
                for sample in SAMPLES if numbers else SAMPLES[:1]:
                    search_plan.SAMPLE, search_plan.WALK_MAX = sample
                    for cap in (0, 2, 10_000):
                        _same_as_reference(s, rows, typed, cap, rng)
                search_plan.SAMPLE, search_plan.WALK_MAX = kept
                assert search_plan.exact_total(s, typed) == len(expected), typed
                assert members.count_members(s, text=typed) == len(expected), typed
    finally:
        search_plan.SAMPLE, search_plan.WALK_MAX = kept
        _clear(db)


def _written_elsewhere(db, rows: list[dict], union_id: str, rng: random.Random,
                       extra: list[dict]) -> list[dict]:
    """Another program (sqlite3 itself) changes members: new phones and names, tombstones,
    new members — the triggers note them; nothing brings the digits index up to date."""
    con = sqlite3.connect(db.path)
    try:
        for row in rng.sample(rows, min(len(rows), 6)):
            change = rng.choice(["phone", "name", "dead", "alive"])
            if change == "phone":
                row["phone"] = f"13{rng.randrange(10**9):09d}"
            elif change == "name":
                row["name"] = rng.choice(SURNAMES) + rng.choice(GIVEN)
                row.update(search_columns(name=row["name"]))
            row["dead"] = {"dead": True, "alive": False}.get(change, row["dead"])
            con.execute("UPDATE member SET phone = ?, name = ?, name_key = ?, py_full = ?, "
                        "py_initials = ?, py_full_alt = ?, py_initials_alt = ?, deleted_at = ? "
                        "WHERE id = ?",
                        (row["phone"], row["name"], row["name_key"], row["py_full"],
                         row["py_initials"], row["py_full_alt"], row["py_initials_alt"],
                         "2025-01-02 03:04:05.000000" if row["dead"] else None, row["id"]))
        con.commit()
    finally:
        con.close()
    alive = [r for r in rows if not r["dead"]]  # a tombstoned ID number may be used again
    return rows + _insert_elsewhere(db, union_id, [p for p in extra if p["id_number"] not in
                                                   {r["id_number"] for r in alive}])


def _insert_elsewhere(db, union_id: str, people_rows: list[dict]) -> list[dict]:
    made = []
    con = sqlite3.connect(db.path)
    try:
        for p in people_rows:
            row = dict(id=new_id(), name=p["name"], id_number=p["id_number"], phone=p["phone"],
                       card_no=None, dead=False,  # (cards would clash with the app's members)
                       **search_columns(name=p["name"]))
            con.execute("INSERT INTO member (id, township, created_at, updated_at, name, "
                        "id_number, phone, ethnicity, employer, union_id, card_no, is_migrant, "
                        "hukou_type, gender, status, name_key, py_initials, py_full, "
                        "py_initials_alt, py_full_alt) VALUES "
                        "(?, 'DY', '2025-01-02 03:04:05.000000', '2025-01-02 03:04:05.000000', "
                        "?, ?, ?, '汉族', '', ?, ?, 0, '', '男', '在册', ?, ?, ?, ?, ?)",
                        (row["id"], row["name"], row["id_number"], row["phone"], union_id,
                         row["card_no"], row["name_key"], row["py_initials"], row["py_full"],
                         row["py_initials_alt"], row["py_full_alt"]))
            made.append(row)
        con.commit()
    finally:
        con.close()
    return made


@pytest.mark.sqlite_only  # the digits index kept by the app's write transactions
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=people(), more=people(), seed=st.integers(0, 2**16))
def test_members_written_by_another_program_are_found_before_the_index_catches_up(
        db, union, data, more, seed):
    rng = random.Random(seed)
    kept = search_sql.PENDING_READ
    try:
        # Given members written by the app, then changed and added by another program
        rows = _written_elsewhere(db, _insert(db, union.id, data), union.id, rng, more[:5])
        with db.session() as s:
            noted = s.connection().exec_driver_sql(
                "SELECT count(*) FROM member_digits_pending").scalar_one()
            assert noted > 0
            # When the clerk searches, with the noted members read from the index's notes and
            # (PENDING_READ 0) as many as another program's bulk write leaves
            for read in (kept, 0):
                search_sql.PENDING_READ = read
                for typed in queries(rows, rng):
                    # Then the page is what filtering every member gives
                    _same_as_reference(s, rows, typed, 10_000, rng)
        search_sql.PENDING_READ = kept
        # And once a write transaction has brought the index up to date, still
        with db.session(write=True) as s:
            s.connection().exec_driver_sql("SELECT 1")
        with db.session() as s:
            assert s.connection().exec_driver_sql(
                "SELECT count(*) FROM member_digits_pending").scalar_one() == 0
            indexed = s.connection().exec_driver_sql(
                "SELECT count(*) FROM member_digits").scalar_one()
            assert indexed == len([r for r in rows if not r["dead"]])
            for typed in queries(rows, rng):
                _same_as_reference(s, rows, typed, 10_000, rng)
    finally:
        search_sql.PENDING_READ = kept
        _clear(db)


def test_the_digits_index_order_never_goes_against_the_name_order():
    """search_sql.name_order: a key that sorts before another never gets a larger number —
    names in pinyin, digits, and any other characters, which only tie."""
    rng = random.Random(5)
    alphabet = "abcz09 -_A~é中\U0001f600"
    keys = ["", "a", "zhang", "zhangwei", "zhangweiguo", "zh", "9", "a9", "a~", "a-b", "aZ"]
    keys += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(3000)]
    keys.sort()
    orders = [search_sql.name_order(k) for k in keys]
    assert orders == sorted(orders)
    assert max(orders) < 2 ** (63 - search_sql.SHIFT)
    assert search_sql.name_order("zhangwei") == search_sql.name_order("zhangwen") < \
        search_sql.name_order("zhangx")


def test_common_digits_are_walked_on_postgresql_by_the_planners_estimate(db, union, monkeypatch):
    """PostgreSQL: digits the planner expects in more than COMMON × CAP members are not counted
    through the trigram index (it would read them all) but walked; SQLite has no estimate and
    counts its FTS5 candidates. Either way the page is the same."""
    from union_desk.dialect import dialect_name
    from union_desk.search_sql import estimated_rows

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


def test_a_page_ends_inside_members_whose_names_begin_alike(db, union):
    """Names whose first six letters are the same share one place in the digits index's order
    (SQLite): a page that ends among them still has the first of them in name order."""
    names = ["张伟强", "张伟明", "张伟华", "张伟国", "张卫东", "章伟"]  # entered against name order
    rows = _insert(db, union.id, [dict(name=name, id_number=_valid(n), phone=f"1380571{n:04d}",
                                       card_no=None, dead=False)
                                  for n, name in enumerate(sorted(names, reverse=True))])
    try:
        expected = reference(rows, "0571")
        with db.session() as s:
            for offset in range(len(names)):
                for limit in (1, 2):
                    for descending in (False, True):
                        page = search_plan.search_page(s, members._row_select(), "0571",
                                                       offset=offset, limit=limit,
                                                       descending=descending)
                        want = expected[::-1] if descending else expected
                        assert [r.id for r in page] == want[offset:offset + limit], \
                            (offset, limit, descending)
    finally:
        _clear(db)
