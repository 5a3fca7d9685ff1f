"""The demo database tells one coherent story: schools fit the children's ages, members joined
after their union was founded."""
from datetime import date

import sqlalchemy as sa

from union_desk.domain.idcard import parse_id_number
from union_desk.models.hardship import HouseholdPerson
from union_desk.models.member import Member
from union_desk.models.union import GrassrootsUnion
from union_desk.services.demo.generate import make_demo
from union_desk.services.demo.hardship import SCHOOLS, school_age


def test_children_go_to_schools_that_fit_their_ages_and_members_join_founded_unions(db):
    with db.session(write=True) as s:
        make_demo(s, size=400)
    today = date.today()
    with db.session() as s:
        children = s.execute(sa.select(HouseholdPerson.id_number, HouseholdPerson.school).where(
            HouseholdPerson.relation == "子女")).all()
        early = s.execute(sa.select(sa.func.count()).select_from(Member).join(
            GrassrootsUnion, GrassrootsUnion.id == Member.union_id).where(
            Member.join_date < GrassrootsUnion.founded)).scalar_one()
    assert len(children) > 20
    at_school = 0
    for number, school in children:
        age = school_age(parse_id_number(number).birth_date, today)
        fitting = {s for low, high, names in SCHOOLS if low <= age <= high for s in names}
        if school:
            at_school += 1
            assert school in fitting, (age, school)
        else:
            assert not fitting, (age, "should be at school")
    assert at_school > 5
    assert early == 0
