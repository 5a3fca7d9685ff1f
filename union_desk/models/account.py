"""Clerk accounts on this installation (经办人 / 审核人 / 负责人).

The accounts table stays on the laptop: its password hashes must never travel in a city
package, a JSON output, a log line or the audit trail. So
- the table carries `info={"synchronised": False}` (`models.base.synchronised_tables` leaves it
  out; the city exchange copies only those tables),
- `password_hash` is left out of every audit entry (`__audit_exclude__`, honoured by
  models/audit.py) and out of the ORM object's repr,
- services hand out `AccountRow`, which has no hash at all.
"""
from __future__ import annotations

from datetime import datetime
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field

from union_desk.models.base import RecordBase, UTCDateTime, enum_type


class AccountRole(str, Enum):
    HANDLER = "经办人"    # enters records and payments
    REVIEWER = "审核人"   # also approves payments entered by someone else, reveals with a reason
    HEAD = "负责人"       # also manages accounts, the review setting, the audit log


class Account(RecordBase, table=True):
    __tablename__ = "account"
    __table_args__ = (sa.Index("ux_account_name", "name", unique=True),
                      {"info": {"synchronised": False}})
    # the hash, and the sign-in counters (each try has its own audit entry, action "sign_in…")
    __audit_exclude__ = frozenset({"password_hash", "failed_sign_ins", "blocked_until"})

    name: str = Field(max_length=40)
    role: AccountRole = Field(sa_type=enum_type(AccountRole))
    # "scrypt$<log2 n>$<r>$<p>$<salt b64>$<hash b64>" (services/accounts/passwords.py); "" = none
    password_hash: str = Field(default="", max_length=200, repr=False)
    password_set_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)
    active: bool = True
    deactivated_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)
    # wrong passwords in a row, and until when no sign-in is tried (services/accounts/sign_in.py)
    failed_sign_ins: int = 0
    blocked_until: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)


class AccountRow(BaseModel):
    """An account as screens, the CLI and the audit window show it: never its password hash.
    `id` is "" for the first-run clerk before a second account was made (see
    services/accounts/accounts.py: the implicit 负责人)."""

    id: str
    name: str
    role: AccountRole
    active: bool
    has_password: bool
    password_set_at: datetime | None = None
    failed_sign_ins: int = 0
    blocked_until: datetime | None = None  # UTC; sign-in refused until then

    @property
    def may_review(self) -> bool:
        return self.role in (AccountRole.REVIEWER, AccountRole.HEAD)

    @property
    def is_head(self) -> bool:
        return self.role == AccountRole.HEAD
