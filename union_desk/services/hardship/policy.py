"""The local hardship policy kept in settings: 低保 per year and the multiplier k.

Keys: ``hardship.dibao.<year>`` → 低保 in fen per person per month; ``hardship.multiplier``
(or ``hardship.multiplier.<year>`` for one year) → k, e.g. 1.5. Never constants in code.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from pydantic import BaseModel
from sqlmodel import Session, select

from union_desk.domain.money import fen_to_plain
from union_desk.models.hardship import HardshipCategory
from union_desk.models.settings import Setting
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting


def dibao_key(year: int) -> str:
    return f"hardship.dibao.{year}"


MULTIPLIER_KEY = "hardship.multiplier"


class Policy(BaseModel):
    year: int
    dibao_fen: int
    multiplier: str  # decimal text, e.g. "1.5"

    @property
    def relative_limit_fen(self) -> Fraction:
        return Fraction(self.dibao_fen) * Fraction(self.multiplier)


class Suggestion(BaseModel):
    category: HardshipCategory | None
    explanation: str


def get_policy(session: Session, *, year: int) -> Policy:
    dibao = get_setting(session, key=dibao_key(year))
    if dibao is None:
        raise UserError(f"尚未设置{year}年的低保标准，请先在设置中填写", field="dibao")
    k = get_setting(session, key=f"{MULTIPLIER_KEY}.{year}")
    if k is None:
        k = get_setting(session, key=MULTIPLIER_KEY)
    if k is None:
        raise UserError("尚未设置相对困难的低保倍数，请先在设置中填写", field="multiplier")
    return Policy(year=year, dibao_fen=int(dibao), multiplier=_multiplier_text(k))


def list_policies(session: Session) -> list[Policy]:
    """Every year with a 低保 in settings, newest first (for the settings page)."""
    prefix = dibao_key(0)[:-1]
    keys = session.exec(select(Setting.key).where(Setting.key.startswith(prefix))).all()
    years = sorted((int(k[len(prefix):]) for k in keys if k[len(prefix):].isdigit()),
                   reverse=True)
    return [get_policy(session, year=y) for y in years]


def put_policy(session: Session, *, year: int, dibao_fen: int,
               multiplier: str | float | None = None) -> Policy:
    """Store the 低保 of one year (and, if given, the general multiplier k)."""
    if not 1900 <= year <= 2200:
        raise UserError(f"年份不正确：{year}", field="year")
    if isinstance(dibao_fen, bool) or not isinstance(dibao_fen, int) or dibao_fen <= 0:
        raise UserError("低保标准应为大于零的金额", field="dibao")
    put_setting(session, key=dibao_key(year), value=dibao_fen)
    if multiplier is not None:
        text = _multiplier_text(multiplier)
        put_setting(session, key=MULTIPLIER_KEY, value=float(text))
    return get_policy(session, year=year)


def _multiplier_text(value) -> str:
    try:
        k = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise UserError(f"低保倍数格式错误：{value}", field="multiplier") from None
    if not k.is_finite() or k < 1 or k > 10:
        raise UserError("低保倍数应在 1 到 10 之间", field="multiplier")
    return format(k.normalize(), "f")


def suggest_category(session: Session, *, year: int, income_total_fen: int,
                     person_count: int) -> Suggestion:
    """深度困难 when income per head ≤ 低保; 相对困难 when ≤ k×低保; otherwise no category by
    income (意外致困 is the clerk's choice for sudden events)."""
    policy = get_policy(session, year=year)
    if person_count <= 0:
        return Suggestion(category=None, explanation="家庭成员为空，无法计算人均收入")
    per_head = Fraction(income_total_fen, person_count)
    dibao = fen_to_plain(policy.dibao_fen)
    shown = fen_to_plain(income_total_fen // person_count)
    if per_head <= policy.dibao_fen:
        return Suggestion(category=HardshipCategory.DEEP,
                          explanation=f"人均月收入 {shown} 元 ≤ {year}年低保 {dibao} 元")
    if per_head <= policy.relative_limit_fen:
        return Suggestion(category=HardshipCategory.RELATIVE,
                          explanation=f"人均月收入 {shown} 元 ≤ {policy.multiplier} 倍低保")
    return Suggestion(category=None,
                      explanation=f"人均月收入 {shown} 元 高于 {policy.multiplier} 倍低保")
