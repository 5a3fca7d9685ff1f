"""The open file through services: who works here, a backup copy, demo data only on an empty roster."""
import pytest

from union_desk.db import open_database
from union_desk.services.database_file import save_backup, workplace
from union_desk.services.demo.generate import make_demo
from union_desk.services.errors import UserError


def test_workplace_names_township_clerk_and_file(db):
    with db.session() as s:
        place = workplace(s)
    assert (place.township, place.township_name, place.clerk) == ("DY", "大洋镇", "王晓燕")
    assert place.database == str(db.path) and not place.is_server


def test_a_backup_copy_opens_and_the_file_itself_is_refused(db, tmp_path):
    with db.session() as s:
        dest = save_backup(s, dest=tmp_path / "备份.sqlite3")
    copy = open_database(dest)
    assert copy.check() == [] and copy.context.clerk == "王晓燕"
    copy.close()
    with db.session() as s, pytest.raises(UserError):
        save_backup(s, dest=db.path)
    with db.session() as s, pytest.raises(UserError, match="无法备份"):
        save_backup(s, dest=tmp_path / "no such folder" / "x.sqlite3")


def test_demo_data_goes_only_into_an_empty_roster(tmp_path):
    # Given a file never set up: the demo makes it 大洋镇's, with a demo clerk
    db = open_database(tmp_path / "demo.sqlite3")
    with db.session(write=True) as s:
        made = make_demo(s, size=30)
    assert made.members == 30 and made.unions > 0
    # When asked again Then it refuses, and nothing is added
    with db.session(write=True) as s, pytest.raises(UserError, match="已有会员"):
        make_demo(s, size=30)
    with db.session() as s:
        assert workplace(s).clerk == "示例经办人"
    db.close()
