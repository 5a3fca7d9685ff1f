"""Every problem of a record at once, not only the first.

A form shows one message at a time, but an import row should list all that is wrong with it, so
the clerk mends the file in one go.  A check collects problems and raises them together:

    found = ProblemList()
    phone = found.take("phone", parse_mobile, text)      # None when it failed, problem noted
    found.add("union_id", "请选择所属工会")
    found.raise_if_any()                                  # Problems (a UserError) if any

An import checks thousands of rows whose cells repeat (genders, unions, dates): its rows share
one `CellReads`, and `found.read(field, fn, value)` runs `fn` once per distinct value and field.

`Problems` is a `UserError` whose message and field are the first problem's, so every caller that
shows one message keeps working; an import reads `.problems`, every (field, reason).
"""
from __future__ import annotations

from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from union_desk.domain.errors import RuleError
from union_desk.services.errors import UserError


class Problems(UserError):
    """Several problems of one record: (field, reason) each, in the order found."""

    def __init__(self, problems: list[tuple[str, str]]):
        first_field, first_reason = problems[0]
        super().__init__(first_reason, field=first_field or None)
        self.problems = list(problems)


def problems_of(err: UserError | RuleError, field: str | None = None) -> list[tuple[str, str]]:
    """(field, reason) of an error: all of a Problems (with their own fields), else its one
    message under `field` (None: the error's own field)."""
    if isinstance(err, Problems):
        return list(err.problems)
    name = field if field is not None else (getattr(err, "field", None) or "")
    return [(name, str(err))]


def validation_problems(err: ValidationError) -> list[tuple[str, str]]:
    """Every field a pydantic model refused, with the reason in Chinese."""
    out = []
    for problem in err.errors():
        name = str(problem["loc"][0]) if problem["loc"] else ""
        limit = (problem.get("ctx") or {}).get("max_length")
        out.append((name, f"超过 {limit} 个字符" if limit else "格式错误"))
    return out


class CellReads:
    """What a pure reader of one cell gave (its value, or its problems) for each distinct
    (field, reader, type, value), shared by the rows of one import (`ProblemList.read`)."""

    def __init__(self) -> None:
        # (field, reader) → {value, or (type, value) when not a str: (result, problems)}
        self.seen: dict[tuple[str, Callable], dict] = {}


class ProblemList:
    def __init__(self, reads: CellReads | None = None) -> None:
        self.items: list[tuple[str, str]] = []
        self._reads = reads

    def __bool__(self) -> bool:
        return bool(self.items)

    def add(self, field: str, reason: str) -> None:
        self.items.append((field, reason))

    def take(self, field: str | None, fn: Callable[..., Any], *args: Any,
             default: Any = None, **kwargs: Any) -> Any:
        """fn(*args, **kwargs); a UserError or RuleError it raises is noted (under `field`, or
        the error's own field when None) and `default` returned instead."""
        try:
            return fn(*args, **kwargs)
        except (UserError, RuleError) as err:
            self.items += problems_of(err, field)
            return default

    def read(self, field: str, fn: Callable[[Any], Any], value: Any, *,
             default: Any = None) -> Any:
        """`take(field, fn, value, default=default)` for a pure `fn` of one cell value,
        remembered in the `CellReads` this list was made with: each distinct value of a column
        is read once (the type is part of the key: True, 1 and 1.0 read differently). For the
        columns whose values repeat; a column of distinct values (names, ID numbers) gains
        nothing and keeps one entry a row alive."""
        if self._reads is None:
            return self.take(field, fn, value, default=default)
        seen = self._reads.seen.get((field, fn))
        if seen is None:
            seen = self._reads.seen[field, fn] = {}
        key = value if type(value) is str else (type(value), value)
        try:
            result, problems = seen[key]
        except KeyError:
            before = len(self.items)
            result = self.take(field, fn, value, default=default)
            seen[key] = (result, self.items[before:])
            return result
        except TypeError:  # not hashable
            return self.take(field, fn, value, default=default)
        if problems:
            self.items += problems
        return result

    def build(self, model: type[BaseModel], fields: dict) -> BaseModel:
        """model(**fields); what it refuses is noted and the fields are kept unchecked, so the
        record's own rules still run and report the rest."""
        try:
            return model(**fields)
        except ValidationError as err:
            self.items += validation_problems(err)
            return model.model_construct(**fields)

    def take_more(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(*args) as `take`, noting only problems of fields with none noted yet (a record's
        rules repeating what a cell reader already said)."""
        found = ProblemList()
        value = found.take(None, fn, *args)
        noted = {field for field, _ in self.items}
        self.items += [(f, r) for f, r in found.items if f not in noted]
        return value

    def raise_if_any(self) -> None:
        if self.items:
            raise Problems(self.items)
