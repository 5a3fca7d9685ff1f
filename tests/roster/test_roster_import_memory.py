"""What a checked roster list keeps until the clerk imports it: per row its candidate and the
comparison's copy, nothing more for the cycle collector to walk. Texts and sets that many rows
have alike are made once and shared (a 100,000-row check held 100,000 copies of a handful of
sets and of a new union's placeholder: 59 of its 260 MB)."""
import gc
from datetime import date, timedelta

from roster_books import person_id, row, write_book

from union_desk.services.roster.importer import check_roster_file

ROWS = 2000


def _book(tmp_path):
    rows = [row(f"张{i}", person_id(i % 900, born=date(1980, 1, 1) + timedelta(days=i // 900)),
                phone=f"139{i:08d}", union="大洋镇新厂工会" if i % 2 else "大洋镇机械厂工会",
                card=f"K{i:05d}" if i % 3 else None, migrant="是" if i % 5 else None)
            for i in range(ROWS)]
    return write_book(tmp_path / "名册.xlsx", rows)


def test_a_checked_list_holds_two_objects_a_row_for_the_collector(db, tmp_path):
    # Given a list of 2,000 new members in two unions not on file, some rows without a card
    # number or without the migrant column, checked once already (pypinyin and SQLAlchemy's
    # statement caches are loaded)
    path = _book(tmp_path)
    with db.session() as s:
        check_roster_file(s, path=path)
    gc.collect()
    before = len(gc.get_objects())

    # When it is checked
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    gc.collect()
    held = len(gc.get_objects()) - before

    # Then every row is to be added, and the collector tracks at most two objects a row (its
    # candidate and the comparison's copy; a few hundred more or less come and go with the
    # sessions and caches) — not one more a row (5,592 before the sets were shared)
    assert len(plan.outcome.new) == ROWS
    assert ROWS < held < 2 * ROWS + 500
    # And rows that give the same columns share one set of them; a new union's rows one text
    assert len({id(c.given) for c in plan.candidates}) == len({c.given for c in plan.candidates})
    assert len({id(c.union_id) for c in plan.outcome.new}) == 2
