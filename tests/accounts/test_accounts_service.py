"""Accounts: the first-run clerk as the implicit 负责人, adding accounts, roles, passwords,
deactivating (never deleting), signing in — every rule and refusal."""
import json

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from accounts_helpers import (HANDLER, HANDLER_PW, HEAD, HEAD_PW, REVIEWER, REVIEWER_PW,
                              sign_in, three_clerks, try_sign_in)
from union_desk.models.account import Account, AccountRole
from union_desk.models.audit import AuditEntry
from union_desk.models.base import synchronised_tables
from union_desk.services.accounts import accounts, policy
from union_desk.services.errors import UserError


def names_roles(db):
    with db.session() as s:
        return [(a.name, a.role.value, a.active, a.has_password) for a in accounts.list_accounts(s)]


def test_the_first_run_clerk_is_the_only_account_a_head_without_a_password(db):
    # Given a freshly set-up installation (conftest: 大洋镇, 王晓燕)
    with db.session() as s:
        me = accounts.current_account(s)
        # Then she is its 负责人, no password, and nobody needs to sign in
        assert (me.id, me.name, me.role, me.has_password) == ("", HEAD, AccountRole.HEAD, False)
        assert not accounts.sign_in_needed(s)
        assert accounts.startup_account(s).name == HEAD
        assert s.exec(select(Account)).all() == []  # no row until a second account is made


def test_adding_a_second_account_first_needs_the_heads_own_password(db):
    with pytest.raises(UserError, match="请先为自己设置密码"), db.session(write=True) as s:
        accounts.add_account(s, name=REVIEWER, role=AccountRole.REVIEWER, password=REVIEWER_PW)
    assert names_roles(db) == [(HEAD, "负责人", True, False)]  # nothing half-made
    # When she gives herself a password in the same step
    with db.session(write=True) as s:
        accounts.add_account(s, name=REVIEWER, role=AccountRole.REVIEWER, password=REVIEWER_PW,
                             own_password=HEAD_PW)
    # Then both accounts are rows with passwords, and from now on people sign in
    assert names_roles(db) == [(HEAD, "负责人", True, True), (REVIEWER, "审核人", True, True)]
    with db.session() as s:
        assert accounts.sign_in_needed(s)
        assert accounts.current_account(s).name == HEAD  # she, who made it, keeps working
    assert db.context.clerk == HEAD and db.context.account_id


def test_the_head_may_set_her_password_alone_and_still_works_without_signing_in(db):
    with db.session(write=True) as s:
        accounts.reset_password(s, name=HEAD, password=HEAD_PW)
    assert names_roles(db) == [(HEAD, "负责人", True, True)]
    with db.session() as s:
        assert not accounts.sign_in_needed(s)
    with pytest.raises(UserError, match="找不到账户"), db.session(write=True) as s:
        accounts.reset_password(s, name="别人", password=HEAD_PW)


@pytest.mark.parametrize("name, message", [(HEAD, "已有名为"), (REVIEWER, "已有名为"),
                                           ("  ", "请填写姓名"), ("长" * 41, "最多 40")])
def test_a_name_is_given_once_and_never_again(db, name, message):
    three_clerks(db)
    with pytest.raises(UserError, match=message), db.session(write=True) as s:
        accounts.add_account(s, name=name, role=AccountRole.HANDLER, password="another-pw-1")


def test_a_deactivated_name_is_not_given_to_a_new_account(db):
    three_clerks(db)
    with db.session(write=True) as s:
        accounts.deactivate_account(s, name=HANDLER)
    with pytest.raises(UserError, match="停用的账户名也不能再用"), db.session(write=True) as s:
        accounts.add_account(s, name=HANDLER, role=AccountRole.HANDLER, password="another-pw-1")


def test_only_a_head_manages_accounts(db):
    three_clerks(db)
    for who in (REVIEWER, HANDLER):
        sign_in(db, who)
        for act in (lambda s: accounts.add_account(s, name="赵新", role=AccountRole.HANDLER,
                                                   password="zhao-xin-25"),
                    lambda s: accounts.change_role(s, name=HANDLER, role=AccountRole.HEAD),
                    lambda s: accounts.reset_password(s, name=HEAD, password="taken-over-1"),
                    lambda s: accounts.deactivate_account(s, name=HEAD)):
            with pytest.raises(UserError, match="需要负责人账户"), db.session(write=True) as s:
                act(s)
    assert names_roles(db) == [(HEAD, "负责人", True, True), (REVIEWER, "审核人", True, True),
                               (HANDLER, "经办人", True, True)]


def test_the_last_head_is_kept(db):
    three_clerks(db)
    with pytest.raises(UserError, match="唯一在用的负责人"), db.session(write=True) as s:
        accounts.change_role(s, name=HEAD, role=AccountRole.REVIEWER)
    with pytest.raises(UserError, match="不能停用自己"), db.session(write=True) as s:
        accounts.deactivate_account(s, name=HEAD)
    # With a second head, the first may step down
    with db.session(write=True) as s:
        accounts.change_role(s, name=REVIEWER, role=AccountRole.HEAD)
        accounts.change_role(s, name=HEAD, role=AccountRole.REVIEWER)
    with db.session() as s:
        assert accounts.current_account(s).role == AccountRole.REVIEWER


def test_deactivating_keeps_the_row_and_ends_signing_in(db):
    three_clerks(db)
    with db.session(write=True) as s:
        row = accounts.deactivate_account(s, name=HANDLER)
    assert not row.active
    with pytest.raises(UserError, match="已停用"), db.session(write=True) as s:
        accounts.deactivate_account(s, name=HANDLER)
    assert try_sign_in(db, HANDLER, HANDLER_PW).refusal == f"账户“{HANDLER}”已停用"
    with db.session() as s:
        assert s.exec(select(Account).where(Account.name == HANDLER)).one().deleted_at is None
        assert accounts.active_names(s) == [HEAD, REVIEWER]
    with db.session(write=True) as s:
        accounts.reactivate_account(s, name=HANDLER)
    sign_in(db, HANDLER)
    assert db.context.clerk == HANDLER


def test_with_one_active_account_left_it_is_the_installations_clerk_again(db):
    three_clerks(db)
    with db.session(write=True) as s:
        accounts.deactivate_account(s, name=HANDLER)
        accounts.change_role(s, name=REVIEWER, role=AccountRole.HEAD)
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        accounts.deactivate_account(s, name=HEAD)
    db.load_context()  # as the next start of the app
    db.context.account_id = ""
    with db.session() as s:
        assert not accounts.sign_in_needed(s)
        assert accounts.startup_account(s).name == REVIEWER
        assert accounts.current_account(s).name == REVIEWER
    assert db.context.clerk == REVIEWER


def test_a_signed_in_account_that_was_deactivated_can_do_nothing_more(db):
    three_clerks(db)
    sign_in(db, HANDLER)
    handler_id = db.context.account_id
    with db.session(write=True) as s:  # the head deactivates it, elsewhere
        s.get(Account, handler_id).active = False
    with pytest.raises(UserError, match="当前账户已停用"), db.session() as s:
        accounts.current_account(s)


def test_signing_in_checks_the_password_without_telling_which_part_is_wrong(db):
    three_clerks(db)
    for name, password in ((REVIEWER, "wrong-password"), ("无此人", REVIEWER_PW), (REVIEWER, "")):
        result = try_sign_in(db, name, password)
        assert (result.account, result.refusal) == (None, "姓名或密码不对")
    assert db.context.clerk == HEAD  # unchanged
    sign_in(db, REVIEWER)
    assert (db.context.clerk, db.context.account_id != "") == (REVIEWER, True)
    with db.session() as s:
        assert s.info["actor"] == REVIEWER


def test_with_several_accounts_nobody_works_unsigned(db):
    three_clerks(db)
    db.context.account_id = ""  # a fresh start of the app, before anyone signs in
    with db.session() as s:
        assert accounts.startup_account(s) is None
        with pytest.raises(UserError, match="请先登录"):
            accounts.current_account(s)


def test_changing_ones_own_password_needs_the_old_one(db):
    three_clerks(db)
    sign_in(db, HANDLER)
    with pytest.raises(UserError, match="原密码不对"), db.session(write=True) as s:
        accounts.change_own_password(s, old="guess-guess", new="new-zhang-25")
    with db.session(write=True) as s:
        accounts.change_own_password(s, old=HANDLER_PW, new="new-zhang-25")
    assert try_sign_in(db, HANDLER, "new-zhang-25").account.name == HANDLER
    assert try_sign_in(db, HANDLER, HANDLER_PW).account is None


def test_the_review_setting_cannot_be_left_without_two_accounts(db):
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
        accounts.deactivate_account(s, name=HANDLER)
    with pytest.raises(UserError, match="请先关闭该设置"), db.session(write=True) as s:
        accounts.deactivate_account(s, name=REVIEWER)


def test_the_password_hash_never_leaves_the_accounts_table(db):
    three_clerks(db)
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        accounts.change_own_password(s, old=REVIEWER_PW, new="li-shen-2026")
    with db.session() as s:
        hashes = [a.password_hash for a in s.exec(select(Account)).all()]
        rows = accounts.list_accounts(s)
        entries = s.exec(select(AuditEntry).where(AuditEntry.table_name == "account")).all()
        orm_repr = repr(s.exec(select(Account)).first())
    assert all(h.startswith("scrypt$") for h in hashes) and len(hashes) == 3
    salts_and_keys = {part for h in hashes for part in h.split("$")[4:]}
    audit_text = " ".join(f"{e.before} {e.after}" for e in entries)
    rows_text = json.dumps([r.model_dump(mode="json") for r in rows]) + repr(rows)
    for text in (audit_text, rows_text, orm_repr):
        assert not any(part in text for part in salts_and_keys)
        assert "password_hash" not in text
    # the audit trail still says a password was set, and by whom
    changed = [e for e in entries if e.action == "update" and "password_set_at" in e.after]
    assert [e.actor for e in changed] == [REVIEWER]


def test_the_accounts_table_is_marked_to_stay_on_the_laptop(db):
    tables = {t.name for t in synchronised_tables(SQLModel.metadata)}
    assert "account" not in tables
    assert {"payment", "member", "audit_entry", "setting"} <= tables
    with db.engine.connect() as conn:  # the table itself exists in the file, of course
        assert sa.inspect(conn).has_table("account")
