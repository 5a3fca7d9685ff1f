"""Personal numbers that print masked wherever they go (PIPL arts. 28, 29, 51).

The row models that views, reports, exports and the CLI read carry resident ID numbers, mobile
phones and bank accounts as `IdNumber`, `Phone` and `BankAccount`, not as text. Such a value is
not a `str`: `str()`, `repr()`, f-strings, `%s`, logging, `model_dump()`, `model_dump_json()` and
`json.dumps(default=str)` all give the masked form (`330182**********34`, `138****8000`,
`****1234`), and anything that would need the digits themselves (Qt's setText, reportlab,
openpyxl, `json.dumps` without a default, slicing, sorting) refuses it loudly instead of
printing it whole.

The full value comes out through one door, `value.reveal(grant)`, and a grant is made only by
`grant_reveal(session, what=...)`, which writes an audit entry (action "reveal") in the caller's
write transaction (services ask `services.accounts.reveals.authorise_reveal`, which first checks
who may reveal through which door and the reason, then calls `grant_reveal`); if that transaction rolls back, so does the entry — and whatever the reveal
was for (an export, a PDF) was not produced either. What the clerk types (the `XCreate` /
`XUpdate` forms) stays plain text: a form filled from the database for editing is itself a
reveal (see e.g. `services.roster.members.member_for_edit`).
"""
from __future__ import annotations

import json
from typing import Any, Callable, ClassVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, model_validator
from pydantic_core import core_schema

from union_desk.domain.masking import mask_account, mask_id, mask_phone
from union_desk.models.audit import AuditEntry, log_action


class RevealGrant:
    """Permission, written to the audit log, to read full numbers for one purpose."""

    __slots__ = ("what", "_entry", "uses")

    def __init__(self, key: object, what: str, entry: AuditEntry):
        if key is not _KEY:
            raise TypeError("a RevealGrant is made only by grant_reveal(session, ...)")
        self.what, self._entry, self.uses = what, entry, 0

    def record(self, **detail: Any) -> None:
        """Add to the audit entry what became known later (e.g. how many rows were written)."""
        after = json.loads(self._entry.after or "{}")
        after.update(detail)
        self._entry.after = json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)

    def __repr__(self) -> str:
        return f"RevealGrant({self.what!r}, uses={self.uses})"


_KEY = object()


def grant_reveal(session, *, what: str, table_name: str, record_id: str = "*",
                 **detail: Any) -> RevealGrant:
    """Audit a reveal (who, when, what for, which records) and return the grant that lets
    `Personal.reveal` hand out full values. Only inside a write transaction: an audit entry
    written in a read session would silently vanish."""
    if not session.connection().get_execution_options().get("write", False):
        raise RuntimeError("revealing full personal numbers needs a write session (audit log)")
    entry = log_action(session, table_name=table_name, record_id=record_id, action="reveal",
                       detail={"what": what, **detail})
    session.flush()
    return RevealGrant(_KEY, what, entry)


class Personal:
    """A personal number that shows itself masked. Subclasses name their mask."""

    __slots__ = ("_full",)
    mask: ClassVar[Callable[[str], str]]

    def __init__(self, value: str = ""):
        if isinstance(value, Personal):
            if type(value) is not type(self):
                raise TypeError(f"a {type(value).__name__} is not a {type(self).__name__}")
            value = value._full
        if not isinstance(value, str):
            raise TypeError(f"{type(self).__name__} takes text, not {type(value).__name__}")
        object.__setattr__(self, "_full", value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @property
    def masked(self) -> str:
        return type(self).mask(self._full)

    def reveal(self, grant: RevealGrant) -> str:
        """The full value, for the purpose the grant was audited for."""
        if not isinstance(grant, RevealGrant):
            raise TypeError("reveal() needs the RevealGrant of grant_reveal(session, ...)")
        grant.uses += 1
        return self._full

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked!r})"

    def __format__(self, spec: str) -> str:
        return format(self.masked, spec)

    def __bool__(self) -> bool:
        return bool(self._full)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._full == other._full  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._full))

    def __copy__(self) -> "Personal":
        return self  # immutable

    def __deepcopy__(self, _memo) -> "Personal":
        return self

    def __reduce__(self):
        raise TypeError(f"a {type(self).__name__} is not pickled (it would travel in full)")

    # -- pydantic: validates from text, serialises (python and JSON) masked -------------------
    @classmethod
    def __get_pydantic_core_schema__(cls, _source: Any,
                                     _handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._coerce,
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, when_used="always", return_schema=core_schema.str_schema()))

    @classmethod
    def __get_pydantic_json_schema__(cls, _schema, _handler: GetJsonSchemaHandler) -> dict:
        return {"type": "string", "description": f"{cls.__name__}, masked"}

    @classmethod
    def _coerce(cls, value: Any) -> "Personal":
        if isinstance(value, cls):
            return value
        if value is None:
            return cls("")
        if isinstance(value, str):
            return cls(value)
        raise ValueError(f"{cls.__name__} takes text")


class IdNumber(Personal):
    """A resident ID number (居民身份证号码): 330182**********34."""

    __slots__ = ()
    mask = staticmethod(mask_id)


class Phone(Personal):
    """A person's phone number: 138****8000."""

    __slots__ = ()
    mask = staticmethod(mask_phone)


class BankAccount(Personal):
    """A bank account number: ****1234."""

    __slots__ = ()
    mask = staticmethod(mask_account)


def full_numbers(row: Any, grant: RevealGrant) -> dict[str, str]:
    """Every personal number of a row (its top-level fields) in full, by field name, for the
    form that edits the record."""
    return {name: value.reveal(grant) for name, value in row if isinstance(value, Personal)}


def masked_numbers(row: Any) -> dict[str, str]:
    """The same fields as `full_numbers`, masked: what an edit form shows when it opens masked
    (several accounts; services/accounts/reveals.py)."""
    return {name: value.masked for name, value in row if isinstance(value, Personal)}


def kept_or_typed(kind: type["Personal"], typed: str | None, stored: str | None) -> str:
    """What an edit form that showed a number masked saves: the stored number when the clerk
    left the masked text as it was, else what they typed. A mask holds '*', which no real
    number does, so the two never mix up."""
    typed = typed or ""
    stored = stored or ""
    if stored and typed.strip() == kind.mask(stored):
        return stored
    return typed


def shown(value: "Personal | str", grant: RevealGrant | None = None) -> str:
    """The text to print or write for a value: in full with a grant, else masked; plain text
    (a name, a credit code) as it is."""
    if isinstance(value, Personal):
        return value.reveal(grant) if grant is not None else value.masked
    return value


def _birth_year(cls, data: Any) -> Any:
    """Rows are built from a `birth_date` (a column, an IdCard) but keep only its year: the
    full date beside a masked ID number would give the number back."""
    if isinstance(data, dict) and "birth_date" in data:
        data = dict(data)
        born = data.pop("birth_date")
        data.setdefault("birth_year", born.year if born else None)
    return data


# In a row model: `birth_year: int | None` and `year_from_birth_date = birth_year_of`.
birth_year_of = model_validator(mode="before")(classmethod(_birth_year))
