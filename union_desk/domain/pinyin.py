"""Search keys for names: normalised text, pinyin initials and full pinyin."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def name_key(name: str | None) -> str:
    """NFKC, all whitespace (incl. full-width and zero-width) removed, lower-case."""
    text = unicodedata.normalize("NFKC", name or "").translate(_INVISIBLE)
    return "".join(text.split()).lower()


def _ascii_alnum(parts: list[str]) -> str:
    return "".join(c for c in "".join(parts) if c.isascii() and c.isalnum())


@lru_cache(maxsize=65536)  # names repeat a lot in a township's roster
def pinyin_initials(name: str | None) -> str:
    """Lower-case initials, e.g. 张三 → zs; Latin letters and digits kept, other marks dropped.

    lazy_pinyin never returns heteronyms: a polyphonic character gets pypinyin's usual reading.
    """
    from pypinyin import Style, lazy_pinyin  # 0.2 s to import: only when a name is written

    return _ascii_alnum(lazy_pinyin(name_key(name), style=Style.FIRST_LETTER))


@lru_cache(maxsize=65536)
def pinyin_full(name: str | None) -> str:
    """Full toneless pinyin, e.g. 张三 → zhangsan (ü written v, as typed on keyboards)."""
    from pypinyin import Style, lazy_pinyin

    return _ascii_alnum(lazy_pinyin(name_key(name), style=Style.NORMAL))
