"""Household members' names follow the same rule as members' names."""
import pytest

from hardship_helpers import household_data
from union_desk.models.hardship import HouseholdPersonIn
from union_desk.services.errors import UserError
from union_desk.services.hardship.households import create_household, get_household


def test_a_family_members_name_loses_invisible_characters(db, people):
    data = household_data(people["张三"], 0)
    data.persons.append(HouseholdPersonIn(name="张\u200b小\ufeff", relation="子女"))
    with db.session(write=True) as s:
        household = create_household(s, data=data)
    with db.session() as s:
        assert [p.name for p in get_household(s, household_id=household.id).persons] == [
            "张三", "张小"]


@pytest.mark.parametrize("name, reason", [("#REF!", "错误值"), ("😀", "没有文字"), ("\u200b", "未填写姓名")])
def test_a_family_member_without_a_real_name_is_refused(db, people, name, reason):
    data = household_data(people["张三"], 0)
    data.persons.append(HouseholdPersonIn(name=name, relation="子女"))
    with pytest.raises(UserError, match=reason) as err, db.session(write=True) as s:
        create_household(s, data=data)
    assert "第2位家庭成员" in str(err.value)
