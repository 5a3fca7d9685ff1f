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


def test_last_digit_search_uses_the_indexes(db, roster):
    query = members._member_query(text="5922", union_id=None, status=None, sort="name",
                                  descending=False)
    with db.engine.connect() as conn:
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(r) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all())
    assert "ix_member_phone_rev" in plan and "ix_member_id_number_rev" in plan
    assert "SCAN member" not in plan


def test_editing_a_member_recomputes_the_search_columns(db, union, add_member, ids):
    row = add_member(union.id, name="曾丹伟", id_number=ids["A"], phone="13805716026")
    data = members.MemberUpdate(**{**row.model_dump(include=set(members.MemberUpdate.model_fields)),
                                   "id_number": full(row.id_number),
                                   "name": "覃明", "phone": "13700001111"})
    with db.session(write=True) as s:
        members.update_member(s, member_id=row.id, data=data)
    assert found(db, "qm") == ["覃明"] and found(db, "tm") == ["覃明"]
    assert found(db, "1111") == ["覃明"] and found(db, "6026") == [] and found(db, "zdw") == []
