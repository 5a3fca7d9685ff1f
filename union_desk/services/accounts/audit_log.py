"""The audit trail a 负责人 reads and exports: reveals of full numbers (with their reasons),
approvals of payments, changes to accounts and to the review settings, sign-ins (right and
wrong passwords, pauses, the window's locks).

Only those kinds are listed: the trail's other entries (every insert and update of a record)
carry the records' values, full ID numbers among them, and stay inside the database. What is
listed carries none: a reveal's entry names the purpose, the reason and the records, never the
numbers; an account's entry never holds its password hash (models/account.py).
"""
from __future__ import annotations

import json
import os
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.domain.money import format_fen
from union_desk.files import atomic_path, write_error_text
from union_desk.models.account import Account
from union_desk.models.audit import AuditEntry
from union_desk.services.accounts.accounts import require_head
from union_desk.services.accounts.sign_in import SIGN_IN_ACTIONS
from union_desk.services.errors import UserError


class AuditKind(str, Enum):
    REVEAL = "查看完整号码"
    APPROVAL = "审核凭证"
    ACCOUNT = "账户变更"
    POLICY = "审核设置"
    SIGN_IN = "登录与锁定"


_CONDITION = {
    AuditKind.REVEAL: AuditEntry.action == "reveal",
    AuditKind.APPROVAL: AuditEntry.action == "approve",
    AuditKind.ACCOUNT: (AuditEntry.table_name == Account.__tablename__)
    & AuditEntry.action.in_(("insert", "update", "tombstone", "restore")),
    AuditKind.POLICY: AuditEntry.action == "policy",
    AuditKind.SIGN_IN: AuditEntry.action.in_(SIGN_IN_ACTIONS),
}
HEADER = ["时间", "操作人", "类别", "内容", "说明"]
EXPORT_LIMIT = 200_000


class AuditLine(BaseModel):
    at: datetime  # local time
    actor: str
    kind: AuditKind
    subject: str
    detail: str


class AuditQuery(BaseModel):
    kind: AuditKind | None = None
    start: date | None = None  # local dates, both included
    end: date | None = None


def list_audit(session: Session, *, query: AuditQuery | None = None, offset: int = 0,
               limit: int | None = 200) -> list[AuditLine]:
    """Newest first. Only a 负责人."""
    require_head(session, doing="查看审计日志")
    stmt = _select(query or AuditQuery()).order_by(AuditEntry.created_at.desc(), AuditEntry.id)
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    entries = session.execute(stmt).all()
    names = _account_names(session, {e.record_id for e, in entries
                                     if e.table_name == Account.__tablename__})
    return [_line(e, names) for e, in entries]


def export_audit(session: Session, *, path: str | os.PathLike,
                 query: AuditQuery | None = None) -> int:
    """The listed entries as an Excel workbook (written atomically); returns how many."""
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"导出文件名应以 .xlsx 结尾：{path.name}")
    lines = list_audit(session, query=query, limit=EXPORT_LIMIT)
    book = Workbook()
    sheet = book.active
    sheet.title = "审计日志"
    sheet.append(HEADER)
    for line in lines:
        sheet.append([line.at.replace(tzinfo=None, microsecond=0), line.actor, line.kind.value,
                      line.subject, line.detail])
    for column, width in zip("ABCDE", (20, 12, 14, 40, 60)):
        sheet.column_dimensions[column].width = width
    try:
        with atomic_path(path) as tmp:
            book.save(tmp)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return len(lines)


# -- internals -------------------------------------------------------------------------------

def _select(query: AuditQuery):
    kinds = [query.kind] if query.kind else list(AuditKind)
    stmt = sa.select(AuditEntry).where(sa.or_(*(_CONDITION[k] for k in kinds)))
    if query.start:
        stmt = stmt.where(AuditEntry.created_at >= _utc(query.start))
    if query.end:
        stmt = stmt.where(AuditEntry.created_at < _utc(query.end + timedelta(days=1)))
    return stmt


def _utc(day: date) -> datetime:
    """Local midnight of `day`, as the aware datetime the audit column compares with."""
    return datetime.combine(day, time()).astimezone()


def _account_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(session.execute(sa.select(Account.id, Account.name)
                                .where(Account.id.in_(ids))).all())


def _line(e: AuditEntry, names: dict[str, str]) -> AuditLine:
    after = _json(e.after)
    before = _json(e.before)
    if e.action == "reveal":
        kind, subject = AuditKind.REVEAL, str(after.get("what", ""))
        extras = [f"原因：{after['reason']}"] if after.get("reason") else []
        extras += [f"{label}：{after[key]}" for key, label in _REVEAL_EXTRAS if after.get(key)]
        if e.record_id != "*":
            extras.append(f"记录：{e.table_name}/{e.record_id}")
        detail = "；".join(extras)
    elif e.action == "approve":
        kind, subject = AuditKind.APPROVAL, f"凭证 {after.get('voucher_no', '')}"
        detail = f"金额 {format_fen(int(after.get('amount_fen') or 0))}，" \
                 f"录入人 {after.get('entered_by') or '—'}"
    elif e.action == "policy":
        kind, subject = AuditKind.POLICY, str(after.get("setting", ""))
        detail = str(after.get("value", ""))
    elif e.action in SIGN_IN_ACTIONS:
        kind = AuditKind.SIGN_IN
        subject = f"账户 {names.get(e.record_id) or e.actor or '（未知姓名）'}"
        detail = _sign_in(e.action, after)
    else:
        kind = AuditKind.ACCOUNT
        subject = f"账户 {after.get('name') or names.get(e.record_id, e.record_id)}"
        detail = _account_change(e.action, before, after)
    return AuditLine(at=e.created_at.astimezone(), actor=e.actor, kind=kind, subject=subject,
                     detail=detail)


_REVEAL_EXTRAS = (("file", "文件"), ("count", "条数"), ("campaign", "活动"),
                  ("passengers", "乘客"), ("code", "编号"), ("role", "角色"))


_SIGN_IN_WORDS = {"sign_in": "登录成功", "sign_in_fail": "密码错误，未登录",
                  "sign_in_wait": "暂停登录期间尝试登录，已拒绝", "lock": "锁定窗口",
                  "unblock": "解除登录暂停"}


def _sign_in(action: str, after: dict) -> str:
    parts = [_SIGN_IN_WORDS[action]]
    for key, label in (("place", "途径"), ("role", "角色"), ("how", ""), ("why", ""),
                       ("failures", "连续输错" if action == "sign_in_fail" else "此前连续输错"),
                       ("paused", "暂停登录"), ("until", "暂停至")):
        value = after.get(key)
        if value:
            value = f"{value} 次" if key == "failures" else value
            parts.append(f"{label}：{value}" if label else str(value))
    return "；".join(parts)


def _account_change(action: str, before: dict, after: dict) -> str:
    if action == "insert":
        return f"新建账户（{after.get('role', '')}）" + ("，已设密码" if after.get("password_set_at")
                                                       else "")
    parts = []
    if "role" in after:
        parts.append(f"角色：{before.get('role')} → {after['role']}")
    if "password_set_at" in after:
        parts.append("设置/重设密码")
    if "active" in after:
        parts.append("停用" if not after["active"] else "恢复使用")
    return "，".join(parts) or "修改"


def _json(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
