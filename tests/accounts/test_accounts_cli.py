"""Headless commands act as a named account with the same rights; refusals are clear Chinese
messages with exit 1; passwords come from the environment or the terminal, never argv."""
import json
from datetime import datetime, timezone

import pytest

from accounts_helpers import (HANDLER, HANDLER_PW, HEAD, HEAD_PW, REVIEWER, REVIEWER_PW,
                              add_member, payment, sign_in, three_clerks)
from union_desk.cli import EXIT_ERROR, EXIT_OK, main
from union_desk.db import open_database
from union_desk.services.hardship import payments


def run(capsys, db_path, *args, env=None, monkeypatch=None):
    for key in ("UNION_DESK_ACCOUNT", "UNION_DESK_PASSWORD", "UNION_DESK_NEW_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(capsys, monkeypatch, db_path):
    return lambda *args, **env: run(capsys, db_path, *args, env=env, monkeypatch=monkeypatch)


def setup_office(db_path, review=True):
    """Three clerks (and review on); a payment entered by the 经办人. Returns its number."""
    db = open_database(db_path)
    try:
        three_clerks(db)
        if review:
            from union_desk.services.accounts import policy

            with db.session(write=True) as s:
                policy.set_review_required(s, on=True)
        member = add_member(db)
        sign_in(db, HANDLER)
        with db.session(write=True) as s:
            return payments.record_payment(s, data=payment(member.id)).voucher_no
    finally:
        db.close()


def test_with_one_account_commands_work_as_before(cli):
    code, out, _ = cli("accounts", "list")
    assert code == EXIT_OK and out == f"{HEAD}\t负责人\t在用\t未设密码\t（当前）\n"
    code, _, _ = cli("payments", "list")
    assert code == EXIT_OK


def test_with_several_accounts_a_command_names_its_account(cli, db_path):
    setup_office(db_path)
    code, _, err = cli("payments", "list")
    assert code == EXIT_ERROR and "本机有多个账户：请用 --as 姓名 或环境变量 UNION_DESK_ACCOUNT" in err
    code, _, err = cli("--as", REVIEWER, "payments", "list")
    assert code == EXIT_ERROR and "请在环境变量 UNION_DESK_PASSWORD 中给出密码" in err
    code, _, err = cli("--as", REVIEWER, "payments", "list", UNION_DESK_PASSWORD="nope-nope")
    assert code == EXIT_ERROR and err == "错误：姓名或密码不对\n"
    code, out, _ = cli("--as", REVIEWER, "payments", "list", "--review", "待审核",
                       UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK and "待审核" in out and "另有 1 条待审核，未计入" in out
    code, out, _ = cli("accounts", "list", "--json", UNION_DESK_ACCOUNT=HANDLER,
                       UNION_DESK_PASSWORD=HANDLER_PW)
    assert code == EXIT_OK
    assert [(a["name"], a["current"]) for a in json.loads(out)] == [
        (HEAD, False), (REVIEWER, False), (HANDLER, True)]
    assert "scrypt" not in out and "hash" not in out


def test_approving_from_the_command_line_with_the_same_rights(cli, db_path):
    number = setup_office(db_path)
    code, _, err = cli("--as", HANDLER, "payments", "approve", number,
                       UNION_DESK_PASSWORD=HANDLER_PW)
    assert code == EXIT_ERROR and "审核凭证需要审核人或负责人账户" in err
    code, out, _ = cli("--as", REVIEWER, "payments", "approve", "--all-pending",
                       UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK and number in out and "已审核 1 张凭证（审核人：李审）" in out
    code, out, _ = cli("--as", REVIEWER, "payments", "list", "--json",
                       UNION_DESK_PASSWORD=REVIEWER_PW)
    [row] = json.loads(out)
    assert (row["review"], row["entered_by"], row["approved_by"]) == ("已审核", HANDLER, REVIEWER)
    code, out, _ = cli("--as", REVIEWER, "payments", "approve", "--all-pending",
                       UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK and "没有由他人录入的待审核凭证" in out


def test_printing_a_waiting_payment_gives_a_draft_not_a_voucher(cli, db_path, tmp_path):
    number = setup_office(db_path)
    out_pdf = tmp_path / "草稿.pdf"
    code, out, _ = cli("--as", HANDLER, "vouchers", "print", "--numbers", number, "--out",
                       out_pdf, UNION_DESK_PASSWORD=HANDLER_PW)
    assert code == EXIT_OK and "未审核草稿 1 张（不是凭证，未计为已打印）" in out
    assert out_pdf.exists()


def test_a_head_manages_accounts_and_the_review_setting_from_the_command_line(cli):
    code, _, err = cli("accounts", "add", REVIEWER, "--role", "审核人",
                       UNION_DESK_NEW_PASSWORD=REVIEWER_PW)
    assert code == EXIT_ERROR and f"union-desk accounts password {HEAD}" in err
    code, out, _ = cli("accounts", "password", HEAD, UNION_DESK_NEW_PASSWORD=HEAD_PW)
    assert code == EXIT_OK
    code, out, _ = cli("accounts", "add", REVIEWER, "--role", "审核人",
                       UNION_DESK_NEW_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK and "已新增账户：李审（审核人）" in out
    code, _, err = cli("review", "on")
    assert code == EXIT_ERROR and "本机有多个账户" in err
    head = {"UNION_DESK_ACCOUNT": HEAD, "UNION_DESK_PASSWORD": HEAD_PW}
    code, out, _ = cli("review", "on", **head)
    assert code == EXIT_OK and "已开启" in out
    code, _, err = cli("--as", REVIEWER, "review", "off", UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_ERROR and "需要负责人账户" in err
    code, _, err = cli("accounts", "add", "赵新", "--role", "经办人",
                       UNION_DESK_NEW_PASSWORD="short", **head)
    assert code == EXIT_ERROR and "至少 8 位" in err
    code, out, _ = cli("accounts", "deactivate", REVIEWER, **head)
    assert code == EXIT_ERROR  # review on needs two active accounts


def test_the_audit_log_from_the_command_line(cli, db_path, tmp_path):
    number = setup_office(db_path)
    cli("--as", REVIEWER, "payments", "approve", number, UNION_DESK_PASSWORD=REVIEWER_PW)
    head = {"UNION_DESK_ACCOUNT": HEAD, "UNION_DESK_PASSWORD": HEAD_PW}
    code, out, _ = cli("audit", "--kind", "审核凭证", "--json", **head)
    [line] = json.loads(out)
    assert code == EXIT_OK and (line["actor"], line["subject"]) == (REVIEWER, f"凭证 {number}")
    target = tmp_path / "审计.xlsx"
    code, out, _ = cli("audit", "--out", target, **head)
    assert code == EXIT_OK and target.exists() and "条审计记录" in out
    code, _, err = cli("--as", REVIEWER, "audit", UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_ERROR and "查看审计日志需要负责人账户" in err


def test_full_numbers_in_an_export_need_a_reviewer_and_a_reason(cli, db_path, tmp_path):
    setup_office(db_path, review=False)
    out_xlsx = tmp_path / "名册.xlsx"
    code, _, err = cli("--as", HANDLER, "roster", "export", out_xlsx, "--reveal", "--reason", "x",
                       UNION_DESK_PASSWORD=HANDLER_PW)
    assert code == EXIT_ERROR and "需要审核人或负责人账户" in err and not out_xlsx.exists()
    code, _, err = cli("--as", REVIEWER, "roster", "export", out_xlsx, "--reveal",
                       UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_ERROR and "请填写查看完整号码的原因" in err and not out_xlsx.exists()
    code, out, _ = cli("--as", REVIEWER, "roster", "export", out_xlsx, "--reveal", "--reason",
                       "报送市总工会", UNION_DESK_PASSWORD=REVIEWER_PW)
    assert code == EXIT_OK and out_xlsx.exists()


def test_four_eyes_at_the_city_office_too(capsys, monkeypatch, tmp_path):
    # Given a city database (the townships' records read-only there)
    city = tmp_path / "全市.sqlite3"
    assert main(["--db", str(city), "city", "init", "--name", "建德市总工会"]) == EXIT_OK
    cli = lambda *args, **env: run(capsys, city, *args, env=env, monkeypatch=monkeypatch)  # noqa: E731
    # When the city's 负责人 sets a password and adds a 审核人
    code, _, err = cli("accounts", "password", _first_account(city),
                       UNION_DESK_NEW_PASSWORD=HEAD_PW)
    assert code == EXIT_OK, err
    code, out, err = cli("accounts", "add", REVIEWER, "--role", "审核人",
                         UNION_DESK_NEW_PASSWORD=REVIEWER_PW)
    # Then the accounts are the city office's own, not a township's read-only record
    assert code == EXIT_OK, err
    assert "已新增账户：李审（审核人）" in out
    # and the township records stay read-only
    assert main(["--db", str(city), "--as", REVIEWER, "setup", "--township", "DY",
                 "--clerk", "x"]) != EXIT_OK


def _first_account(path) -> str:
    from union_desk.services.accounts.accounts import list_accounts

    db = open_database(path)
    try:
        with db.session() as s:
            return list_accounts(s, include_inactive=False)[0].name
    finally:
        db.close()


def test_only_the_head_restores_a_backup_over_a_file_that_opens(cli, db_path):
    # Given three clerks, a payment and a backup
    from union_desk.services.backups import store

    number = setup_office(db_path, review=False)
    backup = store.make_backup(db_path, now=datetime.now(timezone.utc)).path
    # When the 经办人 tries to put the backup in place
    code, _, err = cli("--as", HANDLER, "backup", "restore", backup,
                       UNION_DESK_PASSWORD=HANDLER_PW)
    # Then it is refused, and nothing was set aside or replaced
    assert code == EXIT_ERROR and "需要负责人账户" in err
    assert not list(db_path.parent.glob("*.before-restore-*"))
    code, out, _ = cli("--as", HEAD, "payments", "list", "--json", UNION_DESK_PASSWORD=HEAD_PW)
    assert number in out
    # and the 负责人 may
    code, out, err = cli("--as", HEAD, "backup", "restore", backup, UNION_DESK_PASSWORD=HEAD_PW)
    assert code == EXIT_OK, err
    assert list(db_path.parent.glob("*.before-restore-*"))
