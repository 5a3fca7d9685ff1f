"""Household files: one per household, category from the policy in settings, status history."""
from datetime import date

import pytest

from hardship_helpers import household_data, make_id
from union_desk.models.hardship import HardshipCategory, HouseholdPersonIn, HouseholdStatus
from union_desk.models.personal import IdNumber
from union_desk.services.errors import UserError
from union_desk.services.hardship.policy import (
    get_policy, list_policies, put_policy, suggest_category,
)
from union_desk.services.hardship.household_search import (
    HouseholdFilter, count_households, search_households, unreviewed_households,
)
from union_desk.services.hardship.households import (
    change_household_status, create_household, get_household, mark_reviewed, update_household,
)

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_second_file_for_the_same_member_is_refused_naming_the_first(db, people):
    with db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 50_000, 0))
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 10_000))
    assert "已有档案" in str(err.value) and "张三" in str(err.value)
    assert "330182********" in str(err.value)  # the existing file named, its ID masked


def test_member_already_in_another_household_is_refused(db, people):
    """李四 is 张三's spouse in 张三's file: 李四 cannot open a second file."""
    zhang, li = people["张三"], people["李四"]
    data = household_data(zhang, 50_000)
    data.persons.append(HouseholdPersonIn(name="李四", relation="配偶", id_number=li.id_number))
    with db.session(write=True) as s:
        create_household(s, data=data)
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=household_data(li, 0))
    assert "李四" in str(err.value) and "张三" in str(err.value) and "一户一档" in str(err.value)


def test_file_keeps_persons_and_income_per_head(db, people):
    with db.session(write=True) as s:
        detail = create_household(s, data=household_data(people["王五"], 120_000, 30_000, 0))
    assert detail.person_count == 3 and detail.income_total_fen == 150_000
    assert detail.income_per_head_fen == 50_000
    assert [p.relation for p in detail.persons] == ["本人", "配偶", "子女"]
    assert detail.persons[0].id_number == IdNumber(people["王五"].id_number)  # 本人 from the member


def test_category_suggested_from_the_year_policy_in_settings(db, people):
    """Per head 950 元: above 2020's 900 低保 (relative), at most 2021's 1000 (deep)."""
    with db.session(write=True) as s:
        in_2020 = suggest_category(s, year=2020, income_total_fen=190_000, person_count=2)
        in_2021 = suggest_category(s, year=2021, income_total_fen=190_000, person_count=2)
        above = suggest_category(s, year=2021, income_total_fen=300_002, person_count=2)
        put_policy(s, year=2020, dibao_fen=95_000)
        changed = suggest_category(s, year=2020, income_total_fen=190_000, person_count=2)
    assert in_2020.category == HardshipCategory.RELATIVE
    assert in_2021.category == HardshipCategory.DEEP
    assert above.category is None  # 1500.01 元 > 1.5 × 1000
    assert changed.category == HardshipCategory.DEEP  # the setting, not a constant, decides


def test_file_takes_the_suggestion_of_its_review_year(db, people):
    with db.session(write=True) as s:
        a = create_household(s, data=household_data(people["张三"], 95_000,
                                                     reviewed_on=date(2020, 5, 1)))
        b = create_household(s, data=household_data(people["李四"], 95_000,
                                                     reviewed_on=date(2021, 5, 1)))
    assert a.category == a.suggested_category == HardshipCategory.RELATIVE
    assert b.category == b.suggested_category == HardshipCategory.DEEP


def test_missing_policy_year_is_named(db, people):
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 0, reviewed_on=date(2019, 6, 1)))
    assert "2019年的低保标准" in str(err.value)


def test_override_needs_a_reason(db, people):
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 50_000,
                                                 category=HardshipCategory.ACCIDENT))
    assert err.value.field == "category_reason" and "深度困难" in str(err.value)
    with db.session(write=True) as s:
        detail = create_household(s, data=household_data(
            people["张三"], 50_000, category=HardshipCategory.ACCIDENT,
            category_reason="2021年3月车祸致残"))
    assert detail.category == HardshipCategory.ACCIDENT
    assert detail.suggested_category == HardshipCategory.DEEP
    assert detail.category_reason == "2021年3月车祸致残"


def test_income_above_the_limit_without_category_is_refused(db, people):
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 400_000))
    assert "不符合困难标准" in str(err.value)


def test_persons_are_checked(db, people):
    data = household_data(people["张三"], 0)
    data.persons.append(HouseholdPersonIn(name="张小", relation="子女",
                                          id_number="110105194912310021"))
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        create_household(s, data=data)
    assert "张小" in str(err.value) and "校验位" in str(err.value)
    no_self = household_data(people["张三"], 0)
    no_self.persons[0].relation = "配偶"
    with pytest.raises(UserError, match="本人"), db.session(write=True) as s:
        create_household(s, data=no_self)


def test_status_changes_keep_a_dated_history(db, people):
    with db.session(write=True) as s:
        hid = create_household(s, data=household_data(people["张三"], 0)).id
        change_household_status(s, household_id=hid, status=HouseholdStatus.OUT,
                                 on=date(2021, 9, 1), reason="子女就业，收入稳定")
        detail = change_household_status(s, household_id=hid, status=HouseholdStatus.RELAPSED,
                                          on=date(2022, 2, 1), reason="再次患病")
    assert detail.status == HouseholdStatus.RELAPSED and detail.status_date == date(2022, 2, 1)
    assert [(e.status, e.on, e.reason) for e in detail.history] == [
        (HouseholdStatus.ON_FILE, date(2021, 3, 1), "建档"),
        (HouseholdStatus.OUT, date(2021, 9, 1), "子女就业，收入稳定"),
        (HouseholdStatus.RELAPSED, date(2022, 2, 1), "再次患病"),
    ]


def test_status_change_refusals(db, people):
    with db.session(write=True) as s:
        hid = create_household(s, data=household_data(people["张三"], 0)).id
    for status, on, reason, expected in [
        (HouseholdStatus.OUT, date(2021, 9, 1), " ", "原因"),
        (HouseholdStatus.RELAPSED, date(2021, 9, 1), "x", "不能改为“返困”"),
        (HouseholdStatus.OUT, date(2020, 1, 1), "x", "不能早于"),
    ]:
        with pytest.raises(UserError, match=expected), db.session(write=True) as s:
            change_household_status(s, household_id=hid, status=status, on=on, reason=reason)
    with db.session() as s:
        assert get_household(s, household_id=hid).status == HouseholdStatus.ON_FILE


def test_edit_keeps_person_rows_and_rechecks(db, people):
    with db.session(write=True) as s:
        detail = create_household(s, data=household_data(people["张三"], 0, 10_000))
    data = household_data(people["张三"], 0)
    data.persons = [HouseholdPersonIn(**p.model_dump()) for p in detail.persons]
    data.persons[1].monthly_income_fen = 300_000
    data.persons.append(HouseholdPersonIn(name="张小妹", relation="子女", school="大洋小学"))
    with db.session(write=True) as s:
        edited = update_household(s, household_id=detail.id, data=data)
    assert edited.persons[1].id == detail.persons[1].id
    assert edited.income_total_fen == 300_000 and edited.person_count == 3
    assert edited.suggested_category == HardshipCategory.DEEP  # 1000 元 per head


def test_search_filters_and_unreviewed_list(db, people):
    with db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 0))
        old = create_household(s, data=household_data(people["李四"], 95_000,
                                                       reviewed_on=date(2020, 1, 10)))
    with db.session() as s:
        assert [r.member_name for r in search_households(
            s, flt=HouseholdFilter(text="zs"))] == ["张三"]
        assert [r.member_name for r in search_households(
            s, flt=HouseholdFilter(text=make_id(12)[-6:]))] == ["李四"]
        assert count_households(s, flt=HouseholdFilter(category=HardshipCategory.RELATIVE)) == 1
        assert count_households(s, flt=HouseholdFilter(union_id=people["union"].id)) == 2
        assert count_households(s, flt=HouseholdFilter(union_id="nope")) == 0
        assert [r.id for r in unreviewed_households(s, today=date(2021, 6, 1))] == [old.id]
    assert old.suggested_category == HardshipCategory.RELATIVE  # 950 元 > 2020's 900
    with db.session(write=True) as s:
        reviewed = mark_reviewed(s, household_id=old.id, on=date(2021, 5, 30),
                                 checked_by="王晓燕")
    assert reviewed.suggested_category == HardshipCategory.DEEP  # 950 ≤ 2021's 1000
    assert reviewed.category == HardshipCategory.RELATIVE  # the clerk decides on review
    assert reviewed.checked_by == "王晓燕" and reviewed.reviewed_on == date(2021, 5, 30)
    with db.session() as s:
        assert unreviewed_households(s, today=date(2021, 6, 1)) == []


def test_policies_listed_and_checked(db, policy):
    with db.session(write=True) as s:
        assert [(p.year, p.dibao_fen, p.multiplier) for p in list_policies(s)] == [
            (2021, 100_000, "1.5"), (2020, 90_000, "1.5")]
        with pytest.raises(UserError, match="1 到 10"):
            put_policy(s, year=2022, dibao_fen=100_000, multiplier="0.5")
        with pytest.raises(UserError, match="大于零"):
            put_policy(s, year=2022, dibao_fen=0)
        put_policy(s, year=2022, dibao_fen=104_000, multiplier=2)
        assert get_policy(s, year=2020).multiplier == "2"  # k is one setting for every year
