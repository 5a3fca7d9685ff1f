"""What the overview (年度概况) and the year-end report show: figures with last year's beside
them, and charts of bars, each figure and bar with the `Link` to the list behind it. Plain
values (money in fen), made by services/year_overview.py, drawn by views/charts.py on screen
and reports/year_charts.py on paper."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from union_desk.domain.money import fen_to_plain

Area = Literal["members", "unions", "payments", "households", "registrations", "stations",
               "townships"]
MONTHS = [f"{m}月" for m in range(1, 13)]
NO_CAUSE = "（未填）"


class Link(BaseModel):
    """The list behind a figure or a bar: a working tab and the filter to set on it."""
    area: Area
    year: int | None = None
    month: int | None = None          # payments, members (joined in that month)
    occasion: str | None = None       # payments
    category: str | None = None       # households
    cause: str | None = None          # households (main cause)
    on_roll: bool = False             # members: 在册 only
    campaign_id: str | None = None    # registrations
    text: str = ""                    # registrations: the destination typed into the search
    township: str | None = None       # at the city office: that township's records


class Figure(BaseModel):
    key: str
    label: str
    unit: str
    this_year: int
    last_year: int
    money: bool = False
    link: Link | None = None

    @property
    def change(self) -> int:
        return self.this_year - self.last_year

    @property
    def percent(self) -> float | None:
        """The change against last year in per cent; None when last year had nothing."""
        return None if not self.last_year else 100.0 * self.change / self.last_year

    def shown(self, value: int) -> str:
        return fen_to_plain(value) if self.money else str(value)

    def change_text(self) -> str:
        """▲ 12.5% / ▼ 3.0% / — (no change); against a zero year, the difference itself."""
        if self.change == 0:
            return "—"
        arrow = "▲" if self.change > 0 else "▼"
        if self.percent is None:
            return f"{arrow} {self.shown(abs(self.change))}"
        return f"{arrow} {abs(self.percent):.1f}%"


class Bar(BaseModel):
    label: str
    value: int | None            # None: nothing to draw (a month still to come, a township missing)
    note: str = ""               # a second figure written beside the bar ("12 笔")
    missing: bool = False        # at the city office: the township sent no package this year
    link: Link | None = None


class Chart(BaseModel):
    key: str
    title: str
    unit: str                    # of the bars' values ("人", "元")
    money: bool = False          # values are fen, drawn as yuan
    horizontal: bool = False     # categories down the side (long names); months go across
    bars: list[Bar]

    def value_text(self, value: int) -> str:
        return fen_to_plain(value) if self.money else str(value)
