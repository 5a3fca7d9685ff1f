"""The roster's first page read with the bare sqlite3 module before the file is opened
(first_page.py): the same rows, in the same order, showing the same text in every column as the
roster's own service gives — masked — and only where no sign-in, set-up or migration comes
first."""
import json
import sqlite3

import pytest

from demo_files import copy_of, demo_file
from union_desk.db import open_database
from union_desk.first_page import first_page, quick_look
from union_desk.services.roster.members import search_members
from union_desk.views.roster.columns import member_columns


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("first-page") / "demo.sqlite3", 600)


@pytest.fixture
def demo(demo_template, tmp_path):
    return copy_of(demo_template, tmp_path)


def _raw(path, *statements):
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()


def _service_rows(path, limit):
    db = open_database(path)
    try:
        with db.session() as s:
            return search_members(s, limit=limit)
    finally:
        db.close()


def _shown(rows):
    return [[column.text(row) for column in member_columns()] for row in rows]


@pytest.mark.parametrize("limit", [1, 200, 10_000])
def test_the_first_page_is_the_roster_services_first_page_cell_for_cell(demo, limit, qapp):
    # Given a roster with ties on the name key (one in seven members share the first one) and
    # tombstoned members
    _raw(demo,
         "UPDATE member SET py_full = (SELECT min(py_full) FROM member) WHERE rowid % 7 = 0",
         "UPDATE member SET deleted_at = '2026-01-02 03:04:05' WHERE rowid % 11 = 0")
    # When the first page is read with sqlite3 and with the roster's service
    quick = first_page(demo, limit=limit)
    real = _service_rows(demo, limit)
    # Then they are the same members in the same order, showing the same text in every column
    live = sqlite3.connect(demo).execute(
        "SELECT count(*) FROM member WHERE deleted_at IS NULL").fetchone()[0]
    assert len(quick) == len(real) == min(limit, live)
    assert [r.id for r in quick] == [r.id for r in real]
    assert _shown(quick) == _shown(real)


def test_the_first_page_holds_no_full_personal_number(demo, qapp):
    full = {row[0] for row in sqlite3.connect(demo).execute(
        "SELECT id_number FROM member UNION SELECT phone FROM member") if row[0]}
    text = json.dumps(_shown(first_page(demo, limit=200)), ensure_ascii=False)
    assert not any(number in text for number in full)
    assert "**********" in text and "****" in text  # masked, not left out


def test_a_set_up_township_file_at_head_without_accounts_takes_the_fast_path(demo):
    look = quick_look(demo)
    assert look is not None and look.city is False


def test_at_the_city_office_the_look_says_so_as_the_settings_service_does(db_path):
    from union_desk.services.settings import CITY_ROLE, ROLE_KEY, is_city, put_setting

    db = open_database(db_path)
    with db.session(write=True) as s:
        put_setting(s, key=ROLE_KEY, value=CITY_ROLE)
    with db.session() as s:
        assert is_city(s)
    db.close()
    assert quick_look(db_path).city is True


def test_with_clerk_accounts_the_sign_in_comes_before_any_member(demo):
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts import accounts

    db = open_database(demo)
    with db.session(write=True) as s:
        accounts.add_account(s, name="李审", role=AccountRole.REVIEWER, password="li-shen-2025",
                             own_password="wang-2025-pw")
    db.close()
    assert quick_look(demo) is None


@pytest.mark.parametrize("damage", [
    "UPDATE alembic_version SET version_num = '0015'",      # a migration is pending
    "DELETE FROM setting WHERE key = 'clerk'",              # not set up: the first run first
])
def test_a_file_that_needs_more_than_a_look_takes_the_normal_path(demo, damage):
    _raw(demo, damage)
    assert quick_look(demo) is None


def test_missing_and_foreign_files_take_the_normal_path(tmp_path):
    assert quick_look(tmp_path / "missing.sqlite3") is None
    word = tmp_path / "letter.sqlite3"
    word.write_bytes(b"PK\x03\x04 not a database")
    assert quick_look(word) is None
    other = tmp_path / "other.sqlite3"
    _raw(other, "CREATE TABLE t (x)")
    assert quick_look(other) is None
