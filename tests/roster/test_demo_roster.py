"""The demo's generated roster (services/demo/roster.py, people.py): made in bulk, yet holding
what normal writes would — valid ID numbers that agree with birth date and gender, the search
columns `search_columns` gives, SQLite's digits index, one 入会 event a member — found by the
search exactly as filtering every member finds it, the same for the same seed, and nothing at
all when the demo fails half-way."""
import random
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from test_search_property import queries, reference

from union_desk.dialect import dialect_name
from union_desk.domain.idcard import parse_id_number
from union_desk.models.base import new_ids, utcnow
from union_desk.models.member import Member, MemberEvent, search_columns
from union_desk.models.union import GrassrootsUnion
from union_desk.search_sql import digits_rowid
from union_desk.services.demo import people, roster as demo_roster
from union_desk.services.roster import members

pytestmark = pytest.mark.both_engines

SIZE = 2_500


def _schema(session) -> set:
    """member's and member_event's indexes, and on SQLite their triggers, on PostgreSQL their
    constraints (foreign keys among them) with their definitions."""
    if dialect_name(session) == "sqlite":
        sql = ("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master "
               "WHERE tbl_name IN ('member', 'member_event') AND type IN ('index', 'trigger')")
    else:
        sql = ("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE tablename IN "
               "('member', 'member_event') UNION SELECT conname || ' ' || "
               "pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN "
               "(CAST('member' AS regclass), CAST('member_event' AS regclass))")
    found = set(session.execute(sa.text(sql)).scalars())
    assert len(found) > 10
    return found


@pytest.fixture
def demo(db, union, monkeypatch):
    """A member entered the normal way, then SIZE generated ones in chunks of 1,000."""
    from union_desk.models.member import MemberCreate

    monkeypatch.setattr(demo_roster, "CHUNK", 1_000)
    with db.session(write=True) as s:
        members.add_member(s, data=MemberCreate(
            name="曾丹伟", id_number="330182199003071232", phone="13912345922",
            union_id=union.id, card_no="DY0001"))
    with db.session() as s:
        before = _schema(s)
    with db.session(write=True) as s:
        demo_roster.populate(s, rng=random.Random(7), size=SIZE)
    return before


def _rows(db) -> list[dict]:
    with db.session() as s:
        return [dict(r._mapping) for r in s.execute(sa.select(Member.__table__))]


def test_generated_members_hold_what_normal_writes_would(db, demo):
    rows = _rows(db)
    generated = [r for r in rows if (r["card_no"] or "").startswith("JDDY")]
    assert len(rows) == SIZE + 1 and len(generated) == SIZE
    assert sorted(r["card_no"] for r in generated) == [f"JDDY{n:06d}" for n in
                                                        range(1, SIZE + 1)]
    with db.session() as s:
        unions = {u.id: u for u in s.execute(sa.select(GrassrootsUnion)).scalars()}
        events = s.execute(sa.select(MemberEvent)).scalars().all()
        assert _schema(s) == demo  # every index (and trigger) made again
    for r in generated:
        card = parse_id_number(r["id_number"])  # a valid number: check character, birth date
        assert (card.birth_date, card.gender) == (r["birth_date"], r["gender"])
        assert r["is_migrant"] == (r["id_number"][:6] != "330182")
        assert len(r["phone"]) == 11 and r["phone"][:2] in people.PHONE_PREFIXES
        union = unions[r["union_id"]]
        assert r["employer"] + "工会" == union.name
        earliest = max(card.birth_date + people.ADULT, people.EARLIEST_JOINED, union.founded)
        assert min(earliest, date.today()) <= r["join_date"] <= min(
            earliest + timedelta(days=people.JOINED_SPREAD), date.today())
        assert (r["status"].value, r["status_date"], r["deleted_at"]) == ("在册", r["join_date"],
                                                                          None)
        assert {k: r[k] for k in search_columns(name="")} == search_columns(name=r["name"])
    assert len({r["id_number"] for r in rows}) == len(rows)
    joined = {e.member_id: e for e in events}
    assert len(events) == len(joined) == SIZE + 1
    for r in generated:
        event = joined[r["id"]]
        assert (event.kind.value, event.on, event.reason, event.to_union_id) == (
            "入会", r["join_date"], "登记入会", r["union_id"])


@pytest.mark.sqlite_only  # SQLite's FTS5 table of ID and phone digits, in name order (0018)
def test_the_digits_index_holds_every_member_and_follows_later_edits(db, demo):
    with db.session() as s:
        indexed = dict(s.execute(sa.text("SELECT rowid, numbers FROM member_digits")).all())
        expected = {digits_rowid(key, rowid): numbers for rowid, key, numbers in s.execute(sa.text(
            "SELECT rowid, py_full, id_number || ' ' || phone FROM member "
            "WHERE deleted_at IS NULL")).all()}
        assert s.execute(sa.text("SELECT count(*) FROM member_digits_pending")).scalar() == 0
    assert indexed == expected and len(indexed) == SIZE + 1
    # the triggers are back: a member changed afterwards is found by its new digits
    with db.session(write=True) as s:
        s.execute(sa.update(Member).where(Member.card_no == "JDDY000007")
                  .values(phone="13755501234"))
    with db.session() as s:
        assert [m.card_no for m in members.search_members(s, text="5550123")] == ["JDDY000007"]


def test_the_search_finds_in_a_demo_roster_what_filtering_every_member_finds(db, demo):
    rows = [dict(r, dead=False) for r in _rows(db)]
    rng = random.Random(11)
    with db.session() as s:
        for typed in queries(rows, rng) + queries(rows, rng) + ["zw", "张伟", "1985", "JDDY0012"]:
            expected = reference(rows, typed)
            found = [m.id for m in members.search_members(s, text=typed, limit=100)]
            assert found == expected[:100], typed
            assert members.count_members(s, text=typed) == len(expected), typed


def test_a_demo_that_fails_half_way_leaves_nothing(db, union, monkeypatch):
    monkeypatch.setattr(demo_roster, "CHUNK", 500)
    made = []

    def failing(self, ids, start):
        if start:
            raise OSError("disk full")
        made.append(start)
        return chunk(self, ids, start)

    chunk = people.MemberRows.chunk
    monkeypatch.setattr(people.MemberRows, "chunk", failing)
    with db.session() as s:
        before = _schema(s)
    with pytest.raises(OSError):
        with db.session(write=True) as s:
            demo_roster.populate(s, rng=random.Random(7), size=1_200)
    assert made == [0]  # the first chunk went in, then the whole transaction rolled back
    with db.session() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(Member)).scalar() == 0
        assert s.execute(sa.select(sa.func.count()).select_from(MemberEvent)).scalar() == 0
        assert _schema(s) == before


def test_the_same_seed_gives_the_same_people():
    unions = [dict(id=f"u{i}", name=f"第{i}厂工会", founded=date(2008, 1, 1 + i))
              for i in range(5)]
    ids = sorted(new_ids(3_000))
    now = utcnow()

    def made(seed: int) -> list[tuple]:
        rows = people.MemberRows(random.Random(seed), township="DY", unions=unions, now=now,
                                 card_no=demo_roster.card_no)
        return rows.chunk(ids[:1_000], 0) + rows.chunk(ids[1_000:], 1_000)

    first = made(2021)
    assert made(2021) == first
    assert [r[1] for r in made(2022)] != [r[1] for r in first]  # ID numbers
    # the second chunk carries on the union rota and the card numbers
    union_id = people.MEMBER_COLUMNS.index("union_id")
    assert [r[union_id] for r in first[998:1_002]] == ["u3", "u4", "u0", "u1"]


def test_id_numbers_are_never_drawn_twice(monkeypatch):
    # Given numbers drawn before, and a second drawing with the same seed (every first pick
    # is one of them)
    first = people.IdNumbers(random.Random(5))
    before, _, _ = first.draw(2_000)
    again = people.IdNumbers(random.Random(5))
    again.used = set(first.used)
    # When it draws, and a third drawing whose first picks are all the same person
    after, places, sequences = again.draw(2_000)
    monkeypatch.setattr(people, "_draw", lambda _rng, population, count: [population[0]] * count)
    same, _, _ = people.IdNumbers(random.Random(6)).draw(500)
    # Then every number is new, valid, and its parts are the ones given back
    assert len(set(after)) == 2_000 and not set(before) & set(after)
    assert len(set(same)) == 500
    for number, place, sequence in zip(after, places, sequences):
        assert parse_id_number(number).birth_date == again.days[place % people.BORN_DAYS]
        assert number[14:17] == f"{sequence:03d}"
    for number in same:
        parse_id_number(number)


def test_a_bulk_row_without_its_parent_is_refused(db, union):
    """Foreign keys checked at the end of the block (PostgreSQL) or row by row (SQLite): either
    way an event of a member who does not exist is refused, and the tables stay as they were."""
    from union_desk.dialect import insert_stored, stored_form
    from union_desk.dialect_bulk import foreign_keys_deferred

    with db.session() as s:
        before = _schema(s)
    now = stored_form(MemberEvent.__table__.c.created_at)(utcnow())
    orphan = (new_ids(1)[0], "DY", now, now, None, "f" * 32, "入会", "2020-01-01", "登记入会",
              None, union.id)
    with pytest.raises(sa.exc.IntegrityError):
        with db.session(write=True) as s, foreign_keys_deferred(s, MemberEvent):
            insert_stored(s.connection(), MemberEvent.__table__, [orphan])
    with db.session() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(MemberEvent)).scalar() == 0
        assert _schema(s) == before
