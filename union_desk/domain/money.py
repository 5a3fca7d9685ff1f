"""Money as integer fen (分), never float; uppercase amounts (大写金额) per PBOC rules.

Uppercase rules (《正确填写票据和结算凭证的基本规定》, 《会计基础工作规范》 art. 52):
prefix 人民币 with no gap; a run of zeros inside the number is written 零 once; zeros at the
end of a 4-digit group before 万/亿 are not written; when 角 is 0 and 分 is not, 零 follows
元; an amount ending at 元 or 角 gets 整, one ending at 分 does not.  拾 always carries its
digit (壹拾元, not 拾元).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .errors import RuleError

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PREFIX = "人民币"
MAX_FEN = 10**14 - 1  # 9999亿9999万9999元9角9分

_SMALL_UNITS = ("仟", "佰", "拾", "")
_GROUP_UNITS = ("亿", "万", "")
_PLAIN = re.compile(r"(\d+)(?:\.(\d*))?|\.(\d+)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def _check_fen(fen: int) -> int:
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"金额应为整数分，收到 {type(fen).__name__}")
    return fen


def yuan_to_fen(text: str | int | Decimal) -> int:
    """Parse a yuan amount ("1409.5", "1,409.50", "¥1409.50", 1409, Decimal) into fen."""
    if isinstance(text, bool):
        raise RuleError("金额格式错误")
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    elif isinstance(text, str):
        value = _parse_text(text)
    else:
        raise RuleError("金额格式错误")
    if not value.is_finite():
        raise RuleError("金额格式错误")
    if value < 0:
        raise RuleError("金额不能为负数")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise RuleError("金额最多两位小数")
    return int(fen)


def _parse_text(text: str) -> Decimal:
    raw = "".join(unicodedata.normalize("NFKC", text).split())
    body = raw.removesuffix("元")
    negative = body.startswith("-")
    body = body.removeprefix("-").removeprefix("¥")
    if not negative and body.startswith("-"):
        negative, body = True, body[1:]
    if not body:
        raise RuleError("请填写金额")
    if "," in body:
        if not _GROUPED.fullmatch(body):
            raise RuleError(f"金额格式错误：{text.strip()}")
        body = body.replace(",", "")
    if not (body.isascii() and _PLAIN.fullmatch(body)):
        raise RuleError(f"金额格式错误：{text.strip()}")
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise RuleError(f"金额格式错误：{text.strip()}") from None
    if negative and value != 0:
        raise RuleError("金额不能为负数")
    return value


def fen_to_plain(fen: int) -> str:
    """1409.50 style, no symbol or separators."""
    fen = _check_fen(fen)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def format_fen(fen: int) -> str:
    """¥1,409.50 style (negative: -¥1,409.50)."""
    fen = _check_fen(fen)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def _yuan_words(yuan: int) -> str:
    """Uppercase words for a positive whole number of yuan below 10^12 (no 元)."""
    out: list[str] = []
    zero_pending = False
    groups = (yuan // 10**8, yuan // 10**4 % 10**4, yuan % 10**4)
    for group, group_unit in zip(groups, _GROUP_UNITS):
        digits = f"{group:04d}"
        for ch, unit in zip(digits, _SMALL_UNITS):
            d = int(ch)
            if d == 0:
                zero_pending = bool(out)
                continue
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(DIGITS[d] + unit)
        if group and group_unit:
            out.append(group_unit)
            zero_pending = False  # zeros closing a group before 万/亿 are not written
    return "".join(out)


def fen_to_words(fen: int) -> str:
    """Uppercase amount with 人民币 prefix, e.g. 1409.50 元 → 人民币壹仟肆佰零玖元伍角整."""
    fen = _check_fen(fen)
    if fen < 0:
        raise RuleError("金额不能为负数")
    if fen > MAX_FEN:
        raise RuleError("金额超出可书写范围（最多 9999 亿）")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    if fen == 0:
        return PREFIX + "零元整"
    words = _yuan_words(yuan) + "元" if yuan else ""
    if jiao:
        words += DIGITS[jiao] + "角"
    elif fen_digit and yuan:
        words += "零"
    if fen_digit:
        words += DIGITS[fen_digit] + "分"
    else:
        words += "整"
    return PREFIX + words


_SMALL_VALUE = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_yuan(text: str) -> int:
    """Parse the part before 元 (digits, 拾佰仟, 万, 亿, 零)."""
    total = section = 0
    number: int | None = None
    seen_wan = seen_yi = False
    for ch in text:
        if ch in DIGITS:
            if number is not None:
                raise RuleError(f"大写金额格式错误：数字“{ch}”前缺少单位")
            number = DIGITS.index(ch)
            if number == 0:
                number = None
        elif ch in _SMALL_VALUE:
            if number is None and not (ch == "拾" and section == 0):
                raise RuleError(f"大写金额格式错误：“{ch}”前缺少数字")
            section += (1 if number is None else number) * _SMALL_VALUE[ch]
            number = None
        elif ch == "万":
            if seen_wan or section + (number or 0) == 0:
                raise RuleError("大写金额格式错误：“万”使用不当")
            total += (section + (number or 0)) * 10**4
            section, number, seen_wan = 0, None, True
        elif ch == "亿":
            if seen_yi or seen_wan or total + section + (number or 0) == 0:
                raise RuleError("大写金额格式错误：“亿”使用不当")
            total = (total + section + (number or 0)) * 10**8
            section, number, seen_yi = 0, None, True
        else:
            raise RuleError(f"大写金额含有不允许的字符：{ch}")
    return total + section + (number or 0)


def words_to_fen(text: str) -> int:
    """Parse an uppercase amount (人民币…元…角…分/整) back into fen."""
    s = "".join((text or "").split()).replace("圆", "元")
    if s.startswith(PREFIX):
        s = s[len(PREFIX):]
    whole = s.endswith("整") or s.endswith("正")
    if whole:
        s = s[:-1]
    if not s:
        raise RuleError("大写金额为空")
    yuan_text, sep, frac = s.partition("元")
    if not sep:
        yuan_text, frac = "", s
    yuan = _parse_yuan(yuan_text)
    if frac.startswith("零"):
        frac = frac[1:]
    m = re.fullmatch(f"(?:([{DIGITS}])角)?(?:([{DIGITS}])分)?", frac)
    if not m:
        raise RuleError(f"大写金额格式错误：{text}")
    jiao = DIGITS.index(m.group(1)) if m.group(1) else 0
    fen_digit = DIGITS.index(m.group(2)) if m.group(2) else 0
    if whole and m.group(2) and fen_digit:
        raise RuleError("大写金额格式错误：写到“分”的金额不应加“整”")
    return yuan * 100 + jiao * 10 + fen_digit
