"""At the city office, with one township chosen (services/city/view.TownshipView), the roster's
search shows that township's members only, on every path of the search plan — the statements
it builds once and runs again with other values (search_plan._statement) included."""
import pytest
import sqlalchemy as sa

from union_desk.models.member import Member
from union_desk.services.city.view import TownshipView
from union_desk.services.common import search_plan
from union_desk.services.demo.generate import make_demo
from union_desk.services.roster.members import search_members

pytestmark = pytest.mark.both_engines

OTHER = "QT"  # a second township's code, given to every other member


def _typed(db) -> list[str]:
    """Parts of some members' numbers (the middle of the ID number, the end of the phone), a
    surname, pinyin initials, the start of card numbers."""
    with db.session() as s:
        rows = s.execute(sa.select(Member.id_number, Member.phone, Member.name, Member.py_initials,
                                   Member.card_no).where(Member.deleted_at.is_(None))
                         .order_by(Member.id).limit(4)).all()
    typed = {"JD", "330182"}
    for number, phone, name, initials, _card in rows:
        typed |= {number[6:12], number[-4:], phone[-4:], name[0], initials[:2]}
    return sorted(t for t in typed if t)


# the sample of the name order as the search has it, and smaller: every part of a number then
# goes each way (found in the sample, walked on from it, read from the name order's parts)
@pytest.mark.parametrize("sample", [(search_plan.SAMPLE, search_plan.WALK_MAX), (3, 1),
                                    (3, 10**6)])
def test_a_chosen_township_sees_only_its_own_members_in_the_search(db, monkeypatch, sample):
    # Given a roster whose every other member belongs to another township
    with db.session(write=True) as s:
        make_demo(s, size=120)
        ids = s.execute(sa.select(Member.id).order_by(Member.id)).scalars().all()
        s.execute(sa.update(Member).where(Member.id.in_(ids[::2])).values(township=OTHER))
    with db.session() as s:
        township = dict(s.execute(sa.select(Member.id, Member.township)).all())
    monkeypatch.setattr(search_plan, "SAMPLE", sample[0])
    monkeypatch.setattr(search_plan, "WALK_MAX", sample[1])
    typed = _typed(db)
    with db.session() as s:
        every = {(text, descending): [r.id for r in search_members(
            s, text=text, limit=1000, descending=descending)]
            for text in typed for descending in (False, True)}

    # When the city's window shows the township DY
    view = TownshipView()
    db.scope_orm_reads(view.apply)
    view.township = "DY"

    # Then each search shows, in the same order, the members of DY among all it found
    with db.session() as s:
        for (text, descending), found in every.items():
            ours = [i for i in found if township[i] == "DY"]
            shown = [r.id for r in search_members(s, text=text, limit=1000,
                                                  descending=descending)]
            assert shown == ours, (text, descending)
            page = [r.id for r in search_members(s, text=text, limit=5, descending=descending)]
            assert page == ours[:5], (text, descending)
    assert any(len(found) > len([i for i in found if township[i] == "DY"]) > 0
               for found in every.values())
