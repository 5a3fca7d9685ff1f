"""Personal names as typed in a form or read from a spreadsheet.

    clean_name(" 张\u200b三 ")   # → "张三"
    clean_name("#REF!")          # RuleError: a spreadsheet error value, not a name

Invisible characters (zero-width space and joiners, the byte-order mark, direction marks, soft
hyphens, other format and control characters) are removed with every space, so a name pasted
from a web page or a chat matches the same name typed by hand.  What is left must contain at
least one letter (a Chinese character or a letter of any script): a cell holding only digits,
only emoji or symbols, or one of Excel's / WPS's error values is refused with the reason.
"""
from __future__ import annotations

import unicodedata

from .errors import RuleError

# Letters Unicode counts as letters that nevertheless show nothing (Hangul fillers).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# The error values spreadsheet programs show in a cell whose formula failed.
ERROR_VALUES = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    "#EXTERNAL!", "#PYTHON!",
})


def _invisible(ch: str) -> bool:
    return ch in _BLANK_LETTERS or unicodedata.category(ch) in ("Cf", "Cc")


def strip_invisible(text: str | None) -> str:
    """The text without invisible format/control characters (spaces are kept)."""
    text = text or ""
    # format and control characters are never "printable": most texts leave at once
    if text.isprintable() and (text.isascii() or _BLANK_LETTERS.isdisjoint(text)):
        return text
    return "".join(ch for ch in text if ch.isspace() or not _invisible(ch))


def is_error_value(text: str | None) -> bool:
    """True for "#REF!", "#N/A", "＃ＤＩＶ／０！" and the other spreadsheet error values."""
    squeezed = "".join(unicodedata.normalize("NFKC", strip_invisible(text)).split())
    return squeezed.startswith("#") and squeezed.upper() in ERROR_VALUES


def clean_name(text: str | None) -> str:
    """A person's name without spaces or invisible characters; RuleError when it is not a name."""
    name = "".join(strip_invisible(text).split())
    if not name:
        raise RuleError("请填写姓名")
    if name[0] in "#＃" and is_error_value(name):
        raise RuleError(f"“{name}”是电子表格的错误值，不是姓名（请在表格中改正公式）")
    # str.isalpha: every character a letter (categories L*), the usual name, checked at C speed
    if not name.isalpha() and not any(unicodedata.category(ch).startswith("L") for ch in name):
        if all(unicodedata.category(ch) == "Nd" for ch in name):
            raise RuleError(f"姓名不能只是数字：“{name}”")
        raise RuleError(f"姓名中没有文字（汉字或字母），不能只有表情、数字或符号：“{name}”")
    return name
