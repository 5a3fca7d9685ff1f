"""One read for the overview page and the year-end report: a township's `year_overview`, or at
the city office the city's, with one bar per township (townships without a package this year
marked, never drawn as zero) and the township table of services/city/figures.py."""
from __future__ import annotations

from sqlmodel import Session

from union_desk.models.overview import Bar, Chart, Link
from union_desk.services.city.figures import COLUMNS, CityReport, TownshipLine, city_report
from union_desk.services.city.setup import city_name
from union_desk.services.settings import is_city
from union_desk.services.year_overview import YearOverview, year_overview
from union_desk.services.year_report import YearReport, city_wide

# (key, title, unit, money, value of a township's report, the list behind its bar)
_TOWNSHIP_CHARTS = [
    ("townships_members_new", "各乡镇新发展会员", "人", False, lambda r: r.members_new, "members"),
    ("townships_hardship", "各乡镇困难帮扶金额", "元", True,
     lambda r: r.hardship.hardship_amount_fen, "payments"),
    ("townships_carried", "各乡镇返乡专车乘车人数", "人", False, lambda r: r.trips.carried,
     "registrations"),
    ("townships_served", "各乡镇爱心驿家服务人次", "人次", False, lambda r: r.people_served,
     "stations"),
]


def _bar(line: TownshipLine, value, area: str, year: int) -> Bar:
    if line.report is None:
        return Bar(label=line.name, value=None, note="未报送", missing=True,
                   link=Link(area="townships", township=line.code))
    link = Link(area=area, year=year, township=line.code)
    return Bar(label=line.name, value=value(line.report), link=link)


def township_charts(city: CityReport) -> list[Chart]:
    return [Chart(key=key, title=title, unit=unit, money=money, horizontal=True,
                  bars=[_bar(line, value, area, city.year) for line in city.townships])
            for key, title, unit, money, value, area in _TOWNSHIP_CHARTS]


def city_overview(session: Session, *, year: int) -> YearOverview:
    """The whole city (whatever township the window shows), one bar per township."""
    with city_wide(session):
        base = year_overview(session, year=year)
        city = city_report(session, year=year)
    name = city_name(session) or "市总工会"
    rename = {"township": name}
    report: YearReport = base.report.model_copy(update=rename)
    return base.model_copy(update=dict(
        place=name, city=True, report=report, last=base.last.model_copy(update=rename),
        charts=[*township_charts(city), *base.charts], township_columns=list(COLUMNS),
        township_rows=city.table(), missing=city.missing))


def overview(session: Session, *, year: int) -> YearOverview:
    return city_overview(session, year=year) if is_city(session) else \
        year_overview(session, year=year)
