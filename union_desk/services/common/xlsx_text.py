"""Exported text that a spreadsheet must never run as a formula (CSV/formula injection, OWASP).

    sheet.append(safe_row(sheet, values))

openpyxl turns any string starting with "=" into a formula; and a cell that starts with "=",
"+", "-", "@", a tab or a carriage return is taken for a formula by Excel and WPS as soon as a
clerk edits it. Such text is written as a text cell (type string) with Excel's quote prefix
("'" before it, not shown, not stored in the value), so `=HYPERLINK(…)` in a name read from a
list comes back as the text it was. Every .xlsx the app writes goes through here.
"""
from __future__ import annotations

from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(sheet: Any, value: Any) -> Any:
    """The value, or a text cell with the quote prefix when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def safe_row(sheet: Any, values: Iterable[Any]) -> list:
    return [safe_cell(sheet, v) for v in values]
