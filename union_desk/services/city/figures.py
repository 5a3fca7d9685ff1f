"""City-wide year figures: the seed's lines for the whole city, and one row per township (16
rows and a total). A township that has sent no package made in that year is shown as missing
(未报送), never as zeros. Each township's row is `year_report` on its own rows."""
from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.domain.money import fen_to_plain
from union_desk.domain.townships import TOWNSHIPS
from union_desk.models.exchange import MergeOutcome, MergeRecord
from union_desk.services.city.setup import city_name
from union_desk.services.errors import UserError
from union_desk.services.settings import is_city
from union_desk.services.year_report import YearReport, city_wide, year_report

MISSING = "未报送"
COLUMNS = ("乡镇（街道）", "新建工会（家）", "新发展会员（人）", "在册会员（人）", "慰问困难职工（户）",
           "慰问金（元）", "医疗互助（人次）", "医疗互助金额（元）", "抗疫慰问（人）", "返乡专车（辆）",
           "乘车（人）", "新建爱心驿家（所）", "数据截至")


class TownshipLine(BaseModel):
    code: str
    name: str
    last_package_at: datetime | None  # when the newest merged package was made
    report: YearReport | None  # None: missing this year

    @property
    def missing(self) -> bool:
        return self.report is None


class CityReport(BaseModel):
    year: int
    city: str
    total: YearReport
    townships: list[TownshipLine]

    @property
    def missing(self) -> list[str]:
        return [t.name for t in self.townships if t.missing]

    def table(self) -> list[list[str]]:
        """The rows under COLUMNS: 16 townships, then the total."""
        rows = []
        for line in self.townships:
            when = line.last_package_at.strftime("%Y-%m-%d") if line.last_package_at else "—"
            rows.append([line.name, *(_cells(line.report) if line.report else
                                      [MISSING] * (len(COLUMNS) - 2)), when])
        rows.append(["合计", *_cells(self.total), f"{len(self.missing)} 个未报送"
                     if self.missing else "全部已报送"])
        return rows


def _cells(r: YearReport) -> list[str]:
    h, t = r.hardship, r.trips
    return [str(r.unions_new), str(r.members_new), str(r.members_on_roll),
            str(h.hardship_households), fen_to_plain(h.hardship_amount_fen), str(h.medical_cases),
            fen_to_plain(h.medical_amount_fen), str(h.epidemic_people), str(t.buses),
            str(t.carried), str(r.stations_new)]


def city_report(session: Session, *, year: int) -> CityReport:
    with city_wide(session):
        return _city_report(session, year=year)


def _city_report(session: Session, *, year: int) -> CityReport:
    if not is_city(session):
        raise UserError("这不是市总工会的数据库：全市数据只在市总工会的数据库里汇总")
    start = datetime(year, 1, 1, tzinfo=timezone.utc)
    latest = dict(session.execute(
        sa.select(MergeRecord.source_township, sa.func.max(MergeRecord.made_at))
        .where(MergeRecord.outcome == MergeOutcome.MERGED)
        .group_by(MergeRecord.source_township)).all())
    lines = []
    for town in TOWNSHIPS:
        made = latest.get(town.code)
        made = made.replace(tzinfo=timezone.utc) if made and made.tzinfo is None else made
        present = made is not None and made >= start
        lines.append(TownshipLine(code=town.code, name=town.name, last_package_at=made,
                                  report=year_report(session, year=year, township=town.code)
                                  if present else None))
    total = year_report(session, year=year).model_copy(update={"township": city_name(session)})
    return CityReport(year=year, city=city_name(session), total=total, townships=lines)
