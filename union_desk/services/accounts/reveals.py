"""Who may see full personal numbers, through which door, and with what reason.

Every door of the app that hands out full ID numbers, phones or bank accounts (models/personal.py)
asks `authorise_reveal` for its grant: it checks the current account's role and the reason, then
writes the audit entry (who, when, what for, the reason, which records) through `grant_reveal`.

| door | who | reason |
|---|---|---|
| `EDIT_FORM`: a record's numbers in its edit form | one account: its clerk (as before accounts); several: 审核人 or 负责人 | several accounts only |
| `ID_NUMBERS`: full ID numbers leave in a file (roster export with full numbers) | 审核人 or 负责人 | always |
| `WORK_PHONES`: phones for the work at hand (the bus manifest for driver and escort) | anyone | always |
| `FILED_FORM`: a form the city office files carries a number by rule (station registration) | anyone | no: the purpose is fixed |

With several accounts, an edit form opens masked (`edit_form_reveal`): a 经办人 keeps the
stored number by leaving the masked text as it is, or types a new one, without ever seeing the
old one; a 审核人 or 负责人 may show it, giving a reason.
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.account import AccountRole
from union_desk.models.personal import RevealGrant, grant_reveal
from union_desk.services.accounts.accounts import current_account, sign_in_needed
from union_desk.services.errors import UserError

REASON_MAX = 200
_REVIEWERS = {AccountRole.REVIEWER, AccountRole.HEAD}


class Door(Enum):
    EDIT_FORM = "edit_form"
    ID_NUMBERS = "id_numbers"
    WORK_PHONES = "work_phones"
    FILED_FORM = "filed_form"


class EditFormReveal(BaseModel):
    """How an edit form opens for the current account."""

    full: bool          # the numbers come in full when it opens (one account)
    may_reveal: bool    # the form may offer 显示完整号码 (with a reason)


def edit_form_reveal(session: Session) -> EditFormReveal:
    if not sign_in_needed(session):
        return EditFormReveal(full=True, may_reveal=True)
    return EditFormReveal(full=False, may_reveal=current_account(session).role in _REVIEWERS)


def authorise_reveal(session: Session, *, door: Door, what: str, table_name: str,
                     record_id: str = "*", reason: str = "", **detail: Any) -> RevealGrant:
    """The grant for one reveal, once the current account may use `door` (with a reason where
    the door asks for one); the audit entry carries account, purpose, reason and records.
    Needs a write session (the audit entry)."""
    account = current_account(session)
    reason = " ".join((reason or "").split())
    if door in (Door.ID_NUMBERS, Door.EDIT_FORM) and account.role not in _REVIEWERS \
            and (door is Door.ID_NUMBERS or sign_in_needed(session)):
        raise UserError(f"查看完整身份证号等号码需要审核人或负责人账户；当前账户“{account.name}”"
                        f"是{account.role.value}" + ("（可直接输入新号码替换旧号码）"
                                                     if door is Door.EDIT_FORM else ""))
    if _needs_reason(session, door) and not reason:
        raise UserError("请填写查看完整号码的原因（记入审计日志）", field="reason")
    if len(reason) > REASON_MAX:
        raise UserError(f"原因最多 {REASON_MAX} 个字", field="reason")
    if reason:
        detail["reason"] = reason
    return grant_reveal(session, what=what, table_name=table_name, record_id=record_id,
                        role=account.role.value, **detail)


def _needs_reason(session: Session, door: Door) -> bool:
    if door is Door.FILED_FORM:
        return False
    if door is Door.EDIT_FORM:
        return sign_in_needed(session)
    return True
