"""Wrong passwords pause signing in, growing, kept in the file (a restart does not reset it); a
负责人 lifts the pause; every try, pause, lock and unblock is in the audit log, never a password
or a hash — the service, the restart and the headless `--as` path."""
import json
from datetime import timedelta

import pytest
from sqlmodel import select

from accounts_helpers import (HANDLER, HANDLER_PW, HEAD, HEAD_PW, REVIEWER, REVIEWER_PW,
                              sign_in, three_clerks, try_sign_in)
from union_desk.cli import EXIT_ERROR, EXIT_OK, main
from union_desk.db import open_database
from union_desk.models.account import Account
from union_desk.models.audit import AuditEntry
from union_desk.models.base import utcnow
from union_desk.services.accounts import accounts
from union_desk.services.accounts import sign_in as signing
from union_desk.services.accounts.audit_log import AuditKind, AuditQuery, list_audit
from union_desk.services.accounts.sign_in import (
    SignInPlace, pause_after, record_window_lock, unblock_account,
)
from union_desk.services.errors import UserError

pytestmark = pytest.mark.both_engines  # the service on SQLite and PostgreSQL alike


class Clock:
    """The services' clock, moved on by the test (pauses are minutes long)."""

    def __init__(self, monkeypatch):
        self.now = utcnow()
        monkeypatch.setattr(signing, "utcnow", lambda: self.now)

    def advance(self, **span) -> None:
        self.now += timedelta(**span)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def wrong(db, name: str, times: int = 1):
    return [try_sign_in(db, name, "not-the-password") for _ in range(times)][-1]


def account(db, name: str) -> Account:
    with db.session() as s:
        return s.exec(select(Account).where(Account.name == name)).one()


def sign_in_lines(db) -> list:
    with db.session() as s:
        return list_audit(s, query=AuditQuery(kind=AuditKind.SIGN_IN), limit=None)


def test_the_pause_doubles_from_one_minute_to_at_most_an_hour():
    assert [pause_after(n) for n in range(5)] == [None] * 5
    assert [pause_after(n).total_seconds() / 60 for n in range(5, 13)] == [
        1, 2, 4, 8, 16, 32, 60, 60]
    assert pause_after(10_000) == timedelta(hours=1)


def test_five_wrong_passwords_pause_the_account_even_for_the_right_one(db, clock):
    three_clerks(db)
    assert wrong(db, REVIEWER, 2).refusal == "姓名或密码不对"
    assert wrong(db, REVIEWER).refusal == "姓名或密码不对（再输错 2 次，将暂停登录 1 分钟）"
    assert wrong(db, REVIEWER).refusal == "姓名或密码不对（再输错 1 次，将暂停登录 1 分钟）"
    fifth = wrong(db, REVIEWER)
    assert fifth.account is None
    until = f"{(clock.now + timedelta(minutes=1)).astimezone():%H:%M}"
    assert fifth.refusal == (f"账户“{REVIEWER}”连续 5 次密码错误，暂停登录：请 1 分钟后"
                             f"（{until} 以后）再试，或请负责人在“账户管理”中解除暂停")
    clock.advance(seconds=15)
    paused = try_sign_in(db, REVIEWER, REVIEWER_PW)  # the right password is not even checked
    assert paused.account is None and "请 45 秒后" in paused.refusal
    assert db.context.clerk == HEAD  # nobody else signed in
    other = try_sign_in(db, HANDLER, HANDLER_PW)  # the pause is the account's, not the desk's
    assert other.account.name == HANDLER
    clock.advance(seconds=46)
    assert try_sign_in(db, REVIEWER, REVIEWER_PW).signed_in().name == REVIEWER
    assert (account(db, REVIEWER).failed_sign_ins, account(db, REVIEWER).blocked_until) == (0, None)


def test_each_wrong_password_after_a_pause_doubles_it(db, clock):
    three_clerks(db)
    wrong(db, HANDLER, 5)
    clock.advance(minutes=1, seconds=1)
    sixth = wrong(db, HANDLER)
    assert "连续 6 次密码错误" in sixth.refusal and "请 2 分钟后" in sixth.refusal
    clock.advance(minutes=2, seconds=1)
    assert "请 4 分钟后" in wrong(db, HANDLER).refusal
    for _ in range(5):
        clock.advance(hours=1, seconds=1)
        last = wrong(db, HANDLER)
    assert "连续 12 次" in last.refusal and "请 1 小时后" in last.refusal


def test_restarting_the_app_does_not_reset_the_pause(db, db_path, clock):
    three_clerks(db)
    wrong(db, REVIEWER, 5)
    db.close()
    restarted = open_database(db_path)  # as a new start of the app, or another script
    try:
        result = try_sign_in(restarted, REVIEWER, REVIEWER_PW)
        assert result.account is None and "暂停登录" in result.refusal
    finally:
        restarted.close()


def test_a_head_lifts_the_pause_and_only_a_head(db, clock):
    three_clerks(db)
    wrong(db, HANDLER, 6)
    sign_in(db, REVIEWER)
    with pytest.raises(UserError, match="解除登录暂停需要负责人账户"), db.session(write=True) as s:
        unblock_account(s, name=HANDLER)
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        row = unblock_account(s, name=HANDLER)
    assert (row.failed_sign_ins, row.blocked_until) == (0, None)
    with pytest.raises(UserError, match="无需解除"), db.session(write=True) as s:
        unblock_account(s, name=HANDLER)
    assert try_sign_in(db, HANDLER, HANDLER_PW).signed_in().name == HANDLER


def test_a_new_password_from_the_head_lifts_the_pause(db, clock):
    three_clerks(db)
    wrong(db, HANDLER, 5)
    with db.session(write=True) as s:
        accounts.reset_password(s, name=HANDLER, password="new-zhang-2025")
    assert try_sign_in(db, HANDLER, "new-zhang-2025").signed_in().name == HANDLER


def test_every_try_lock_and_unblock_is_in_the_audit_log_without_secrets(db, clock):
    three_clerks(db)
    assert try_sign_in(db, "无此人", "whatever-pw").refusal == "姓名或密码不对"
    wrong(db, HANDLER, 5)
    try_sign_in(db, HANDLER, HANDLER_PW)  # refused: paused
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        record_window_lock(s, idle_minutes=10)
    with db.session(write=True) as s:
        record_window_lock(s, idle_minutes=None)
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        unblock_account(s, name=HANDLER)
    got = [(line.actor, line.subject, line.detail) for line in sign_in_lines(db)]
    assert got[0] == (HEAD, f"账户 {HANDLER}", "解除登录暂停；负责人解除；此前连续输错：5 次")
    assert got[1] == (HEAD, f"账户 {HEAD}", "登录成功；途径：启动时登录；角色：负责人")
    assert got[2] == (REVIEWER, f"账户 {REVIEWER}", "锁定窗口；手动锁定")
    assert got[3] == (REVIEWER, f"账户 {REVIEWER}", "锁定窗口；空闲 10 分钟自动锁定")
    assert got[4] == (REVIEWER, f"账户 {REVIEWER}", "登录成功；途径：启动时登录；角色：审核人")
    assert got[5][:2] == (HANDLER, f"账户 {HANDLER}")
    assert got[5][2].startswith("暂停登录期间尝试登录，已拒绝；途径：启动时登录；暂停至：")
    assert got[6] == (HANDLER, f"账户 {HANDLER}",
                      "密码错误，未登录；途径：启动时登录；连续输错：5 次；暂停登录：1 分钟")
    assert got[7] == (HANDLER, f"账户 {HANDLER}", "密码错误，未登录；途径：启动时登录；连续输错：4 次")
    assert got[-1] == ("", "账户 （未知姓名）", "密码错误，未登录；途径：启动时登录；姓名不在账户中")
    # the sign-in entries are not listed as account changes too
    with db.session() as s:
        changes = list_audit(s, query=AuditQuery(kind=AuditKind.ACCOUNT), limit=None)
        raw = " ".join(f"{e.before} {e.after}" for e in s.exec(select(AuditEntry)).all())
        hashes = [a.password_hash for a in s.exec(select(Account)).all()]
    assert all("登录" not in line.detail for line in changes)
    for secret in ("not-the-password", "whatever-pw", HANDLER_PW, REVIEWER_PW, HEAD_PW,
                   *(h.split("$")[-1] for h in hashes), "failed_sign_ins", "blocked_until"):
        assert secret not in raw


def test_sign_in_needs_a_write_session_so_a_wrong_try_is_kept(db):
    three_clerks(db)
    with pytest.raises(RuntimeError, match="write session"), db.session() as s:
        signing.attempt_sign_in(s, name=REVIEWER, password="x", place=SignInPlace.START)


# -- headless: --as ----------------------------------------------------------------------------

def cli(capsys, monkeypatch, db_path, *args, **env):
    for key in ("UNION_DESK_ACCOUNT", "UNION_DESK_PASSWORD", "UNION_DESK_NEW_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_headless_tries_count_too_and_the_head_unblocks_from_the_command_line(
        db, db_path, clock, capsys, monkeypatch):
    three_clerks(db)
    db.close()
    run = lambda *args, **env: cli(capsys, monkeypatch, db_path, *args, **env)  # noqa: E731
    for _ in range(4):
        code, _, err = run("--as", REVIEWER, "payments", "list", UNION_DESK_PASSWORD="guess-1234")
        assert code == EXIT_ERROR and "姓名或密码不对" in err
    code, _, err = run("--as", REVIEWER, "payments", "list", UNION_DESK_PASSWORD="guess-1234")
    assert code == EXIT_ERROR and "连续 5 次密码错误，暂停登录：请 1 分钟后" in err
    assert f"或请负责人解除暂停（union-desk accounts unblock {REVIEWER}）" in err
    assert "Traceback" not in err
    code, _, err = run("--as", REVIEWER, "payments", "list", UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_ERROR and "暂停登录" in err  # the right password waits too
    code, out, _ = run("--as", HEAD, "accounts", "list", UNION_DESK_PASSWORD=HEAD_PW)
    assert code == EXIT_OK and f"{REVIEWER}\t审核人\t在用\t已设密码\t暂停登录至 " in out
    code, _, err = run("--as", HANDLER, "accounts", "unblock", REVIEWER,
                       UNION_DESK_PASSWORD=HANDLER_PW)
    assert code == EXIT_ERROR and "需要负责人账户" in err
    code, out, _ = run("--as", HEAD, "accounts", "unblock", REVIEWER, UNION_DESK_PASSWORD=HEAD_PW)
    assert code == EXIT_OK and out == f"已解除账户 {REVIEWER} 的登录暂停\n"
    code, _, _ = run("--as", REVIEWER, "payments", "list", UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK
    code, out, _ = run("--as", HEAD, "audit", "--kind", "登录与锁定", "--json",
                       UNION_DESK_PASSWORD=HEAD_PW)
    lines = json.loads(out)
    assert code == EXIT_OK and {line["kind"] for line in lines} == {"登录与锁定"}
    assert sum("连续输错" in line["detail"] and "命令行" in line["detail"]
               for line in lines) == 5
    assert "guess-1234" not in out
