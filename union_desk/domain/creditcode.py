"""Unified social credit codes (GB 32100-2015).

Some real codes from the pilot era fail the check, so callers warn rather than block:
this module reports a problem message instead of raising.
"""

from __future__ import annotations

import unicodedata

from .errors import RuleError

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(_ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalise_credit_code(text: str | None) -> str:
    """Strip whitespace (including full-width) and upper-case."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(text.split()).upper()


def credit_check_char(first17: str) -> str:
    """Return the check character for the first 17 characters."""
    bad = sorted({c for c in first17 if c not in _VALUE})
    if len(first17) != 17 or bad:
        raise RuleError("统一社会信用代码前17位应为数字或大写字母（不含 I、O、Z、S、V）")
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS))
    return _ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(text: str | None) -> str | None:
    """Return None if the (normalised) code is valid, else a Chinese message."""
    code = normalise_credit_code(text)
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位"
    bad = "".join(sorted({c for c in code if c not in _VALUE}))
    if bad:
        return f"统一社会信用代码含有不允许的字符：{bad}（不使用 I、O、Z、S、V）"
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误，应为 {expected}"
    return None
