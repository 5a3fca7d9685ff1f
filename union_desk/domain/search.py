"""What the clerk typed into a search box, as the search columns hold it."""

from __future__ import annotations

import re
from typing import NamedTuple

from .pinyin import name_key

_NUMBER_MARKS = re.compile(r"[\-‐‑‒–—―_.()（）/]+")
_NUMBER = re.compile(r"\d+x?")


class SearchText(NamedTuple):
    """kind: "" (nothing typed), "number" (ID or phone digits, or their last digits),
    "latin" (pinyin or a card number), "name" (Chinese or mixed text)."""

    kind: str
    text: str


def normalise_search(typed: str | None) -> SearchText:
    """Full-width input from an IME (`１６５`, `ｚｙ`) made half-width, spaces dropped, lower-case;
    a number typed with spaces, hyphens or brackets, or with +86/0086 before a phone, reduced to
    its digits (an ID number's final x upper-case)."""
    key = name_key(typed)
    if not key:
        return SearchText("", "")
    number = _NUMBER_MARKS.sub("", key)
    for prefix in ("+86", "0086"):
        if number.startswith(prefix) and len(number) > len(prefix):
            number = number[len(prefix):]
            break
    if number.isascii() and _NUMBER.fullmatch(number):
        return SearchText("number", number.upper())
    if key.isascii() and key.isalnum():
        return SearchText("latin", key)
    return SearchText("name", key)
