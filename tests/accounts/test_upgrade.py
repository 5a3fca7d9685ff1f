"""A township's database from before accounts (revision 0007, full of data) upgrades in place:
its clerk is the 负责人 without a password, every payment stays as it was (无需审核), and the
path to a second account is the same as on a new installation."""
import shutil
import sqlite3

import pytest
from alembic import command

from accounts_helpers import HEAD_PW, REVIEWER, REVIEWER_PW, try_sign_in
from union_desk.db import HEADS, open_database
from union_desk.models.account import AccountRole
from union_desk.models.payment import PaymentReview
from union_desk.services.accounts import accounts
from union_desk.services.errors import UserError
from union_desk.services.hardship.payment_search import list_payments


@pytest.fixture
def old_file(demo_accounts_template, tmp_path):
    """The demo data in a file at revision 0007 (before this change)."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(demo_accounts_template, path)
    db = open_database(path, migrate=False)
    with db.engine.begin() as conn:
        command.downgrade(db._alembic_config(conn), "0007")
    db.close()
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in con.execute("PRAGMA table_info(payment)")}
    payments = con.execute("SELECT count(*) FROM payment").fetchone()[0]
    con.close()
    assert "account" not in tables and "review" not in columns and payments > 10
    return path, payments


def test_the_old_file_upgrades_with_its_clerk_as_head_and_payments_as_they_were(old_file):
    path, count = old_file
    db = open_database(path)
    try:
        assert db.stored_revisions() == set(HEADS) and db.check() == []
        assert list(path.parent.glob("old.before-upgrade-*.sqlite3"))  # snapshot first
        with db.session() as s:
            [me] = accounts.list_accounts(s)
            rows = list_payments(s, limit=None)
        assert (me.name, me.role, me.has_password) == ("王晓燕", AccountRole.HEAD, False)
        assert len(rows) == count
        assert {(r.review, r.entered_by, r.approved_by) for r in rows} == {
            (PaymentReview.NOT_REQUIRED, "", "")}
        # the path to a second account: her own password first, in the same step
        with pytest.raises(UserError, match="请先为自己设置密码"), db.session(write=True) as s:
            accounts.add_account(s, name=REVIEWER, role=AccountRole.REVIEWER,
                                 password=REVIEWER_PW)
        with db.session(write=True) as s:
            accounts.add_account(s, name=REVIEWER, role=AccountRole.REVIEWER,
                                 password=REVIEWER_PW, own_password=HEAD_PW)
        with db.session() as s:
            assert accounts.sign_in_needed(s)
        assert try_sign_in(db, "王晓燕", HEAD_PW).signed_in().name == "王晓燕"
    finally:
        db.close()


def test_the_migration_goes_back_down_too(demo_accounts_template, tmp_path):
    path = tmp_path / "down.sqlite3"
    shutil.copyfile(demo_accounts_template, path)
    db = open_database(path, migrate=False)
    with db.engine.begin() as conn:
        command.downgrade(db._alembic_config(conn), "0007")
        command.upgrade(db._alembic_config(conn), "heads")
    assert db.check() == []
    db.close()


def test_accounts_from_0014_upgrade_with_no_wrong_passwords_on_record(demo_accounts_template,
                                                                      tmp_path):
    """0015 adds the sign-in pause's columns to accounts that already exist (with data)."""
    from accounts_helpers import three_clerks

    path = tmp_path / "accounts.sqlite3"
    shutil.copyfile(demo_accounts_template, path)
    db = open_database(path)
    three_clerks(db)
    db.close()
    db = open_database(path, migrate=False)
    with db.engine.begin() as conn:
        command.downgrade(db._alembic_config(conn), "0014")
    db.close()
    con = sqlite3.connect(path)
    assert "failed_sign_ins" not in {r[1] for r in con.execute("PRAGMA table_info(account)")}
    con.close()
    db = open_database(path)
    try:
        assert db.stored_revisions() == set(HEADS) and db.check() == []
        with db.session() as s:
            rows = accounts.list_accounts(s)
        assert len(rows) == 3 and {(r.failed_sign_ins, r.blocked_until) for r in rows} == {
            (0, None)}
        assert try_sign_in(db, REVIEWER, REVIEWER_PW).signed_in().name == REVIEWER
    finally:
        db.close()
