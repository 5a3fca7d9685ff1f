"""Masking of sensitive personal information for screens, printouts and exports (PIPL)."""

from __future__ import annotations

from .errors import RuleError
from .phone import parse_mobile


def _keep_ends(text: str, head: int, tail: int) -> str:
    """Keep head/tail characters; a value too short to hide anything is masked entirely."""
    if len(text) <= head + tail:
        return "*" * len(text)
    return text[:head] + "*" * (len(text) - head - tail) + text[-tail:]


def mask_id(number: str | None) -> str:
    """330182********1234 for 18 characters; otherwise keep only the first 2 and last 2."""
    number = "".join((number or "").split())
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[-4:]
    return _keep_ends(number, 2, 2)


def mask_phone(phone: str | None) -> str:
    """138****8000 for a mobile number; otherwise keep only the first 2 and last 2."""
    text = "".join((phone or "").split())
    if not text:
        return ""
    try:
        text = parse_mobile(text)
    except RuleError:
        return _keep_ends(text, 2, 2)
    return text[:3] + "****" + text[-4:]


def mask_account(acct: str | None) -> str:
    """Show only the last 4 characters of a bank account: ****1234."""
    acct = "".join((acct or "").split())
    if not acct:
        return ""
    if len(acct) <= 4:
        return "****"
    return "****" + acct[-4:]
