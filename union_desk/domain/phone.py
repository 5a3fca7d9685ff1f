"""Mainland mobile numbers."""

from __future__ import annotations

import re
import unicodedata

from .errors import RuleError

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")


def parse_mobile(text: str | None) -> str:
    """Return the bare 11-digit number; strips +86/0086, spaces and hyphens."""
    raw = unicodedata.normalize("NFKC", text or "")
    number = _SEPARATORS.sub("", raw)
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            number = number[len(prefix):]
            break
    if not (number.isascii() and _MOBILE.fullmatch(number)):
        raise RuleError(f"手机号应为11位数字，以13–19开头：{raw.strip() or '（空）'}")
    return number
