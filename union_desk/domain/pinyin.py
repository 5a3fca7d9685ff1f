"""Search keys for names: normalised text, pinyin initials and full pinyin.

A person's name starts with the surname, and a dozen common surnames are read differently from
the same character in ordinary words: 曾 zēng (not céng), 单 shàn, 解 xiè, 查 zhā, 仇 qiú, 区 ōu,
覃 qín, 盖 gě, 乐 yuè, 缪 miào, 翟 zhái, 朴 piáo …  pypinyin 0.55 has no surname mode
(python-pinyin issue #297 is open), so `SURNAME_READINGS` lists the surnames whose reading
differs from pypinyin's usual one, as given by the surname tables of the maintained pinyin
libraries (pinyin-pro `lib/data/surname.ts`, overtrue/pinyin's surname list) and 《新华字典》.
`person_spelling` spells a person's name with the surname reading and keeps the ordinary
reading as the alternative, so a clerk who types either finds the person.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

# surname → toneless reading (ü written v).  Compound surnames (尉迟, 万俟, 长孙) already get
# their reading from pypinyin's phrases; 单于 is left to it too, since 单 + a given name 于…
# is far more common today than the compound surname (both readings stay searchable).
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "覃": "qin", "单": "shan", "仇": "qiu", "解": "xie", "查": "zha", "区": "ou",
    "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai", "朴": "piao", "重": "chong",
    "种": "chong", "秘": "bi", "繁": "po", "折": "she", "粘": "nian", "藏": "zang", "都": "du",
    "六": "lu", "薄": "bo", "阚": "kan", "卜": "bu", "能": "nai", "召": "shao", "员": "yun",
    "句": "gou", "黑": "he", "祭": "zhai", "佴": "nai", "乜": "nie",
}


def name_key(name: str | None) -> str:
    """NFKC, all whitespace (incl. full-width and zero-width) removed, lower-case."""
    text = unicodedata.normalize("NFKC", name or "").translate(_INVISIBLE)
    return "".join(text.split()).lower()


def _ascii_alnum(parts: list[str]) -> str:
    text = "".join(parts)
    if text.isascii() and text.isalnum():  # the usual case: plain syllables
        return text
    return "".join(c for c in text if c.isascii() and c.isalnum())


_OTHER = "\x00"  # marks a segment that is not Chinese (kept whole) in `_spell`


def _keep_whole(segment: str) -> list[str]:
    return [_OTHER + segment]


@lru_cache(maxsize=1)
def _converter():
    """pypinyin with its style conversion remembered per (character, reading, style): the
    conversion — regular expressions over each syllable — was most of a name's cost, and a
    roster of 10,000 names holds a few hundred characters.  Built on pypinyin's own extension
    point (a `DefaultConverter` subclass given to `Pinyin`), so every result is pypinyin's."""
    from pypinyin import Style  # 0.2 s to import: only when a name is written
    from pypinyin.converter import DefaultConverter
    from pypinyin.core import Pinyin

    class RememberingConverter(DefaultConverter):
        def __init__(self) -> None:
            super().__init__()
            self._styled: dict[tuple, str] = {}

        def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
            if kwargs:
                return super().convert_style(han, orig_pinyin, style, strict, **kwargs)
            key = (han, orig_pinyin, style, strict)
            styled = self._styled.get(key)
            if styled is None:
                styled = self._styled[key] = super().convert_style(han, orig_pinyin, style,
                                                                   strict)
            return styled

    return Pinyin(RememberingConverter()), Style.NORMAL


@lru_cache(maxsize=65536)  # names repeat a lot in a township's roster
def _spell(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of normalised text from one pypinyin call: a syllable's initial
    is its first letter (what Style.FIRST_LETTER gives), a segment that is not Chinese is kept
    whole in both, so this equals two calls, one per style, at half the cost."""
    pinyin, normal = _converter()
    parts = pinyin.lazy_pinyin(text, style=normal, errors=_keep_whole)
    initials = [p[1:] if p[:1] == _OTHER else p[:1] for p in parts]
    full = [p[1:] if p[:1] == _OTHER else p for p in parts]
    return _ascii_alnum(initials), _ascii_alnum(full)


def pinyin_initials(name: str | None) -> str:
    """Lower-case initials, e.g. 张三 → zs; Latin letters and digits kept, other marks dropped.

    For any text (unions, stations); a person's name goes through `person_spelling`.
    lazy_pinyin never returns heteronyms: a polyphonic character gets pypinyin's usual reading.
    """
    return _spell(name_key(name))[0]


def pinyin_full(name: str | None) -> str:
    """Full toneless pinyin, e.g. 张三 → zhangsan (ü written v, as typed on keyboards)."""
    return _spell(name_key(name))[1]


class PersonSpelling(NamedTuple):
    """A person's name as the search columns hold it."""

    initials: str  # with the surname reading: 曾丹伟 → zdw
    full: str  # zengdanwei
    alt_initials: str  # the ordinary reading when it differs (cdw), else ""
    alt_full: str  # cengdanwei, else ""


@lru_cache(maxsize=65536)
def person_spelling(name: str | None) -> PersonSpelling:
    """Pinyin of a person's name, the surname read as a surname (曾丹伟 → zdw / zengdanwei),
    with pypinyin's ordinary reading kept as the alternative (cdw / cengdanwei)."""
    key = name_key(name)
    initials, full = _spell(key)
    return _spelled(key, initials, full, _spell)


def _spelled(key: str, initials: str, full: str, spell) -> PersonSpelling:
    """The spelling of `key` given its ordinary `initials` and `full` pinyin; `spell(text)` gives
    (initials, full) of the rest of the name after a surname read as a surname."""
    reading = SURNAME_READINGS.get(key[:1])
    if reading is None:
        return PersonSpelling(initials, full, "", "")
    rest_initials, rest_full = spell(key[1:])
    spelled = PersonSpelling(reading[0] + rest_initials, reading + rest_full, initials, full)
    if spelled.full == full:
        return PersonSpelling(initials, full, "", "")
    return spelled


def person_spellings(names) -> dict[str, PersonSpelling]:
    """`person_spelling` of many names at once (a generated roster of a million), each distinct
    name spelled once: the same result, about 50 times faster for names of Chinese characters
    that hold no word of pypinyin's phrase list — their pinyin is then their characters' pinyin,
    looked up once per character. Any other name goes through `person_spelling` itself."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    full: dict[str, str] = {}
    initials: dict[str, str] = {}
    out: dict[str, PersonSpelling] = {}
    for name in dict.fromkeys(names):
        key = name_key(name)
        if not key or not all("\u4e00" <= c <= "\u9fff" for c in key) or any(
                key[i:j] in PHRASES_DICT for i in range(len(key))
                for j in range(i + 2, len(key) + 1)):
            out[name] = person_spelling(name)
            continue
        for c in key:
            if c not in full:
                full[c] = _ascii_alnum(lazy_pinyin(c, style=Style.NORMAL))
                initials[c] = _ascii_alnum(lazy_pinyin(c, style=Style.FIRST_LETTER))
        out[name] = _spelled(key, "".join(initials[c] for c in key),
                             "".join(full[c] for c in key),
                             lambda rest: ("".join(initials[c] for c in rest),
                                           "".join(full[c] for c in rest)))
    return out
