"""One township at a time in the city office's window: while a township is chosen, every ORM
read of the city database's sessions sees that township's rows only — so every working tab
(roster, hardship, trips, stations, overview) filters by township without a line of its own.
The city's own tables are never filtered, and work marked `city_wide` (city figures, merges,
voucher checks) always sees every township."""
from __future__ import annotations

from union_desk.db import database_of
from union_desk.services.city.readonly import CITY_TABLES
from union_desk.services.year_report import CITY_WIDE, township_options


class TownshipView:
    """Which township the city's window shows (None: all). Set on the GUI thread, read by the
    workers' sessions (one attribute assignment: atomic)."""

    def __init__(self) -> None:
        self.township: str | None = None
        self._options: dict[str, list] = {}

    def options(self, township: str) -> list:
        if township not in self._options:
            self._options[township] = township_options(township, skip=CITY_TABLES)
        return self._options[township]

    def apply(self, state) -> None:
        township = self.township
        if township and state.is_select and not state.session.info.get(CITY_WIDE):
            state.statement = state.statement.options(*self.options(township))


def township_view(session) -> TownshipView | None:
    """The window's township choice at a city database (run once, as a read op)."""
    return install_township_view(database_of(session))


def install_township_view(db) -> TownshipView | None:
    """At a city database: the view filter on its sessions (all townships until one is chosen)."""
    if not db.context.city:
        return None
    view = TownshipView()
    db.scope_orm_reads(view.apply)
    return view
