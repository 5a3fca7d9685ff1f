"""The audit log a 负责人 reads and exports: reveals with reasons, approvals, account and
setting changes — filtered by kind and date, never a full number or a password hash."""
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from accounts_helpers import HANDLER, HEAD, REVIEWER, add_member, payment, sign_in, three_clerks
from union_desk.models.account import Account
from union_desk.models.audit import AuditEntry
from union_desk.services.accounts import policy
from union_desk.services.accounts.audit_log import AuditKind, AuditQuery, export_audit, list_audit
from union_desk.services.errors import UserError
from union_desk.services.hardship import approval, payments
from union_desk.services.roster import members
from union_desk.services.roster.export import export_roster


@pytest.fixture
def busy_day(db, tmp_path):
    """Accounts made, review on, a payment entered and approved, a full export, a reveal."""
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
        policy.set_idle_minutes(s, minutes=5)
    member = add_member(db)
    sign_in(db, HANDLER)
    with db.session(write=True) as s:
        row = payments.record_payment(s, data=payment(member.id))
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        approval.approve_payments(s, voucher_nos=[row.voucher_no])
        export_roster(s, path=tmp_path / "full.xlsx", reveal=True, reason="报送市总工会")
        members.member_for_edit(s, member_id=member.id, reason="核对身份证")
    sign_in(db, HEAD)
    return {"payment": row, "member": member}


def lines(db, **query):
    with db.session() as s:
        return list_audit(s, query=AuditQuery(**query), limit=None)


def test_the_log_lists_what_happened_newest_first(db, busy_day):
    got = [(line.actor, line.kind, line.subject, line.detail) for line in lines(db)]
    number = busy_day["payment"].voucher_no
    assert got[0] == (HEAD, AuditKind.SIGN_IN, f"账户 {HEAD}", "登录成功；途径：启动时登录；角色：负责人")
    assert got[1] == (REVIEWER, AuditKind.REVEAL, "修改会员资料",
                      f"原因：核对身份证；角色：审核人；记录：member/{busy_day['member'].id}")
    assert got[2][:3] == (REVIEWER, AuditKind.REVEAL, "名册导出（完整身份证号和手机号）")
    assert "原因：报送市总工会" in got[2][3] and "文件：full.xlsx" in got[2][3]
    assert got[3] == (REVIEWER, AuditKind.APPROVAL, f"凭证 {number}", "金额 ¥500.00，录入人 张经")
    assert got[4] == (REVIEWER, AuditKind.SIGN_IN, f"账户 {REVIEWER}",
                      "登录成功；途径：启动时登录；角色：审核人")
    assert (HEAD, AuditKind.POLICY, "凭证须经审核", "开启") in got
    assert (HEAD, AuditKind.POLICY, "自动锁定时间", "5 分钟") in got
    accounts = [g for g in got if g[1] == AuditKind.ACCOUNT]
    assert (HEAD, AuditKind.ACCOUNT, "账户 李审", "新建账户（审核人），已设密码") in accounts
    assert any(g[2] == f"账户 {HEAD}" for g in accounts)
    # the ordinary entries (the member insert, the payment insert with full numbers) are not here
    assert {g[1] for g in got} == set(AuditKind)


def test_the_log_filters_by_kind_and_by_date(db, busy_day):
    assert {line.kind for line in lines(db, kind=AuditKind.APPROVAL)} == {AuditKind.APPROVAL}
    assert len(lines(db, kind=AuditKind.REVEAL)) == 2
    today = date.today()
    assert len(lines(db, start=today, end=today)) == len(lines(db))
    assert lines(db, end=today - timedelta(days=1)) == []
    assert lines(db, start=today + timedelta(days=1)) == []


def test_role_changes_deactivations_and_passwords_read_plainly(db, busy_day):
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts import accounts

    with db.session(write=True) as s:
        accounts.change_role(s, name=HANDLER, role=AccountRole.REVIEWER)
        accounts.reset_password(s, name=HANDLER, password="reset-zhang-1")
        accounts.deactivate_account(s, name=HANDLER)
    details = [line.detail for line in lines(db, kind=AuditKind.ACCOUNT)][:3]
    assert details == ["停用", "设置/重设密码", "角色：经办人 → 审核人"]


def test_only_a_head_reads_or_exports_it(db, busy_day, tmp_path):
    for who in (REVIEWER, HANDLER):
        sign_in(db, who)
        with pytest.raises(UserError, match="需要负责人账户"), db.session() as s:
            list_audit(s)
        with pytest.raises(UserError, match="需要负责人账户"), db.session() as s:
            export_audit(s, path=tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


def test_the_export_is_a_workbook_without_full_numbers_or_hashes(db, busy_day, tmp_path):
    out = tmp_path / "审计日志.xlsx"
    with db.session() as s:
        count = export_audit(s, path=out, query=AuditQuery())
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("时间", "操作人", "类别", "内容", "说明") and len(rows) == count + 1
    text = " ".join(str(v) for row in rows for v in row)
    member = busy_day["member"]
    with db.session() as s:
        hashes = [a.password_hash for a in s.exec(select(Account)).all()]
        raw = " ".join(e.after or "" for e in s.exec(select(AuditEntry)).all())
    assert member.id_number in raw  # the trail itself holds it (the member's insert) …
    assert member.id_number not in text and member.phone not in text  # … the export never
    assert not any(h.split("$")[-1] in text for h in hashes)
    assert "报送市总工会" in text and "审核凭证" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    with pytest.raises(UserError, match=".xlsx"), db.session() as s:
        export_audit(s, path=tmp_path / "x.csv")
