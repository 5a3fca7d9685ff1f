"""Resident identity numbers (GB 11643-1999).

18 characters: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male) and a
check character.  15-digit legacy numbers are converted by inserting "19" before the date.
The area code is deliberately not checked against any list: codes that no longer exist
(or did not yet exist when older members were born) are still valid numbers.
"""

from __future__ import annotations

import datetime
import operator
import re
import unicodedata
from dataclasses import dataclass

from .errors import RuleError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ZERO_SUM = ord("0") * sum(_WEIGHTS)
_MIN_YEAR = 1880
_ID18 = re.compile(r"\d{17}[\dX]")


@dataclass(frozen=True)
class IdCard:
    """A validated 18-character ID number with what it tells us."""

    number: str
    birth_date: datetime.date
    gender: str  # "男" or "女"


def check_char(first17: str) -> str:
    """Return the check character for the first 17 digits."""
    if not (len(first17) == 17 and first17.isascii() and first17.isdigit()):
        raise RuleError("身份证号前17位应为数字")
    # the digits' bytes are 48 + the digit: one weighted sum of the bytes, less 48 × the weights
    total = sum(map(operator.mul, first17.encode("ascii"), _WEIGHTS)) - _ZERO_SUM
    return _CHECK[total % 11]


def weighted_sum(digits: str, start: int = 0) -> int:
    """The part of the check sum of `digits` standing at position `start` of the first 17: the
    sum of the parts (area, birth date, sequence) gives `check_char_of_sum` what `check_char`
    gives for the whole, so generated numbers reuse the parts they share."""
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS[start:]))


def check_char_of_sum(total: int) -> str:
    return _CHECK[total % 11]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(text.split()).upper()


def _birth_date(digits: str, today: datetime.date) -> datetime.date:
    try:
        born = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise RuleError(f"身份证号中的出生日期 {digits} 不是有效日期") from None
    if born.year < _MIN_YEAR:
        raise RuleError(f"身份证号中的出生年份 {born.year} 早于 {_MIN_YEAR} 年")
    if born > today:
        raise RuleError(f"身份证号中的出生日期 {digits} 晚于今天")
    return born


def parse_id_number(text: str, *, today: datetime.date | None = None) -> IdCard:
    """Validate and normalise an ID number (18-digit or legacy 15-digit).

    Raises RuleError with a Chinese message naming what is wrong.
    """
    number = _clean(text)
    if not number:
        raise RuleError("请填写身份证号")
    if "*" in number:
        raise RuleError("身份证号是遮挡过的（打码导出的名册），请填写完整号码：导入请用含完整"
                        "身份证号的名册（导出时选择导出完整号码），或向本人核对")
    if len(number) == 15:
        if not (number.isascii() and number.isdigit()):
            raise RuleError("15位旧身份证号应全部为数字")
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_char(first17)
    elif len(number) != 18:
        raise RuleError(f"身份证号应为18位（或15位旧号码），当前为{len(number)}位")
    elif not _ID18.fullmatch(number):
        raise RuleError("身份证号格式错误：前17位应为数字，最后一位为数字或 X")
    born = _birth_date(number[6:14], today or datetime.date.today())
    expected = check_char(number[:17])
    if number[17] != expected:
        raise RuleError(f"身份证号校验位错误，应为 {expected}")
    gender = "男" if int(number[16]) % 2 else "女"
    return IdCard(number=number, birth_date=born, gender=gender)
