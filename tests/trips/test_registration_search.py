"""Registrations are found by the surname reading and by full-width input."""
from trips_helpers import person, register
from union_desk.services.trips.registrations import list_registrations


def test_registrations_found_by_surname_reading_either_reading_and_full_width(db, campaign):
    camp, _buses = campaign
    register(db, camp.id, person(1, "曾丹伟"), person(2, "单雄"), person(3, "张三"))
    with db.session() as s:
        def names(text):
            return [r.name for r in list_registrations(s, campaign_id=camp.id, text=text)]

        assert names("zdw") == ["曾丹伟"] and names("cdw") == ["曾丹伟"]
        assert names("ｓｘ") == ["单雄"] and names("dx") == ["单雄"]
        assert names("138 0000 0003") == ["张三"]
