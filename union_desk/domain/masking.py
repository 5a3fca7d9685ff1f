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
    """330182**********34 for 18 characters: the area, then only the gender digit and the check
    character; otherwise keep only the first 2 and last 2.

    The 10 hidden digits are the birth date and two of the three sequence digits. With the
    birth *year* shown beside it (screens and exports show no more of the birth date) at least
    365 × 100 / 11 ≈ 3,300 numbers fit what a row shows; the older mask 330182********1234 hid
    only the birth date, which the birth-date column gave back (see DEVELOPING.md)."""
    number = "".join((number or "").split())
    if len(number) == 18:
        return number[:6] + "*" * 10 + number[-2:]
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
