"""Mainland mobile numbers."""

from __future__ import annotations

import re
import unicodedata

from .errors import RuleError

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")
_LABEL = re.compile(r"(?:手机号码|手机号|手机|联系电话|电话)[:：]?")   # 手机：139…, as lists write it


_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def parse_contact_phone(text: str | None) -> str:
    """A contact number for printed notices: a mobile (bare 11 digits) or a landline with its
    area code, written 0571-64712345; "" when blank."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return ""
    number = _SEPARATORS.sub("", raw)
    if _LANDLINE.fullmatch(number) and number.isascii():
        area = 3 if number[1] in "12" else 4  # 010, 02x: three digits; others four
        return f"{number[:area]}-{number[area:]}"
    try:
        return parse_mobile(raw)
    except RuleError:
        raise RuleError(f"联系电话应为手机号或带区号的固定电话（如 0571-64712345）：{raw}") from None


def parse_mobile(text: str | None) -> str:
    """Return the bare 11-digit number; strips a label before it (手机：), +86/0086, spaces and
    hyphens, and the apostrophe a text export puts before a number to keep it text ('139…)."""
    raw = unicodedata.normalize("NFKC", text or "")
    number = _SEPARATORS.sub("", raw).lstrip("'")
    if not number[:1].isdigit() and (label := _LABEL.match(number)):
        number = number[label.end():]
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = number[len(prefix):]
            break
    if not (number.isascii() and _MOBILE.fullmatch(number)):
        raise RuleError(f"手机号应为11位数字，以13–19开头：{raw.strip() or '（空）'}")
    return number
