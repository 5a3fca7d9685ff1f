"""A click on a figure or a bar of the overview: the working tab with the list behind it, through
each tab's public filter method (show_members, show_payments, show_households,
show_registrations, show_figures). At the city office a link of one township first sets the
window's township choice (查看乡镇); a link of the whole city sets it back to all townships."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMainWindow, QWidget


def _period(year: int, month: int | None) -> tuple[date, date]:
    if month is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def _tab(window: QMainWindow, name: str) -> QWidget | None:
    """The tab named `name`, built now if it was not yet (views/lazy_tabs.py)."""
    index = window.tabs.index_of(name)
    return window.tabs.widget(index) if index >= 0 else None


def open_link(window: QMainWindow, link) -> None:
    """`window`: the MainWindow (tabs, ops, exchange); `link`: a models.overview.Link."""
    exchange = getattr(window, "exchange", None)
    if window.ops.context.city and exchange is not None:
        exchange.show_township(link.township)
    area = link.area
    if area in ("members", "unions", "townships"):
        roster = _tab(window, "rosterTab")
        window.tabs.setCurrentWidget(roster)
        if area == "members":
            roster.show_members(on_roll=link.on_roll, joined=_period(link.year, link.month)
                                if link.year is not None else None)
        elif area == "unions":
            roster.union_table.setFocus()
    elif area in ("payments", "households"):
        hardship = _tab(window, "hardshipTab")
        window.tabs.setCurrentWidget(hardship)
        if area == "payments":
            hardship.pages.setCurrentWidget(hardship.payments)
            hardship.payments.show_payments(year=link.year, month=link.month,
                                            occasion=link.occasion)
        else:
            hardship.pages.setCurrentWidget(hardship.households)
            hardship.households.show_households(category=link.category, cause=link.cause,
                                                supported_in=link.year)
    elif area == "registrations":
        trips = _tab(window, "tripsTab")
        window.tabs.setCurrentWidget(trips)
        trips.show_registrations(campaign_id=link.campaign_id, text=link.text)
    elif area == "stations":
        stations = _tab(window, "stationsTab")
        window.tabs.setCurrentWidget(stations)
        stations.show_figures(link.year)
