"""Searching the way clerks search: surname readings, last digits, full-width and spaced input."""
import pytest

from union_desk.services.roster import members
from personal_numbers import full


@pytest.fixture
def roster(db, union, add_member, ids):
    add_member(union.id, name="曾丹伟", id_number=ids["A"], phone="13805716026", card_no="DY0001")
    add_member(union.id, name="陈晓兰", id_number=ids["B"], phone="13912345922", card_no="DY0002")
    add_member(union.id, name="单雄", id_number=ids["C"], phone="", card_no=None)


def found(db, text):
    with db.session() as s:
        names = [r.name for r in members.search_members(s, text=text)]
        assert members.count_members(s, text=text) == len(names)
        return names


@pytest.mark.parametrize("text, expected", [
    ("zdw", ["曾丹伟"]), ("zeng", ["曾丹伟"]), ("ZengDanwei", ["曾丹伟"]),
    ("cdw", ["曾丹伟"]),  # the ordinary reading of 曾 stays searchable
    ("sx", ["单雄"]), ("dx", ["单雄"]), ("shan", ["单雄"]),
    ("6026", ["曾丹伟"]),  # the last digits of a phone, as the masked column shows them
    ("5922", ["陈晓兰"]),
    ("002x", ["陈晓兰"]),  # the last digits of an ID number, x in either case
    ("１６５", []), ("１３８０５", ["曾丹伟"]),  # full-width digits from an IME
    ("ｚｄｗ", ["曾丹伟"]), ("ｃｘｌ", ["陈晓兰"]),
    ("138 0571 6026", ["曾丹伟"]), ("138-0571-6026", ["曾丹伟"]), ("+86 13805716026", ["曾丹伟"]),
    ("ｄｙ０００２", ["陈晓兰"]),
])
def test_clerks_find_members_as_they_type(db, roster, text, expected):
    assert found(db, text) == expected


def test_names_sort_by_the_surname_reading(db, roster):
    # 陈 chen < 单 shan < 曾 zeng (by 曾's ordinary reading ceng it would come first)
    assert found(db, "") == ["陈晓兰", "单雄", "曾丹伟"]


@pytest.fixture
def large_roster(db, roster):
    """The three members among 3,000 generated ones, with the planner's statistics."""
    import random

    from union_desk.services.demo import roster as demo_roster

    with db.session(write=True) as s:
        demo_roster.populate(s, rng=random.Random(7), size=3000)
    db.refresh_statistics(full=True)


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("text", ["5922", "zdw", "丹伟", "DY0002", "13912345922", "曾", "z", "1"])
def test_every_query_of_a_search_goes_through_an_index(db, large_roster, text):
    """The last digits, pinyin, part of a name, a card number, a surname, one letter or digit:
    each statement the roster's search runs (counts per way of matching, the page) reads an
    index, never the whole table."""
    from sqlalchemy import event

    statements = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session() as s:
            assert members.search_members(s, text=text)
            members.member_total(s, text=text)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    searched = [(q, p) for q, p in statements if "FROM member" in q]
    assert searched
    with db.engine.connect() as conn:

        for statement, parameters in searched:
            plan = " ".join(r[3] for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters).all())
            # allowed: the partial indexes of the few names longer than three characters and of
            # the few members whose surname has another reading
            for few in ("ix_member_name_long", "ix_member_alt"):
                plan = plan.replace(f"SCAN member USING COVERING INDEX {few}", "")
            assert "SCAN member " not in plan + " ", (statement, plan)


def test_editing_a_member_recomputes_the_search_columns(db, union, add_member, ids):
    row = add_member(union.id, name="曾丹伟", id_number=ids["A"], phone="13805716026")
    data = members.MemberUpdate(**{**row.model_dump(include=set(members.MemberUpdate.model_fields)),
                                   "id_number": full(row.id_number),
                                   "name": "覃明", "phone": "13700001111"})
    with db.session(write=True) as s:
        members.update_member(s, member_id=row.id, data=data)
    assert found(db, "qm") == ["覃明"] and found(db, "tm") == ["覃明"]
    assert found(db, "1111") == ["覃明"] and found(db, "6026") == [] and found(db, "zdw") == []


def test_warming_the_search_runs_each_kind_of_search_and_writes_nothing(db, roster, monkeypatch):
    # Given the search spied on
    typed = []
    search = members.search_members
    monkeypatch.setattr(members, "search_members",
                        lambda s, **kw: (typed.append(kw["text"]), search(s, **kw))[1])
    # When the roster warms it, in a read session (as the window does once started)
    with db.session() as s:
        members.warm_search(s, limit=200)
    # Then a letter, initials, a character, a digit and part of a number were each searched,
    # and nothing was written
    assert typed == ["z", "zs", "张", "1", "138"]
    assert found(db, "") == ["陈晓兰", "单雄", "曾丹伟"]
