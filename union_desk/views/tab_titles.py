"""The working tabs' names. Their one place: the window's tab bar shows them before a tab is
built (tabs are built when first shown, views/lazy_tabs.py), and each tab's `title()` — which
its message boxes use — returns its own from here."""
from __future__ import annotations

from PySide6.QtCore import QObject


class TabTitles(QObject):  # a QObject for tr()
    def title(self, name: str, *, city: bool = False) -> str:
        """`name`: the tab's objectName; `city`: the city office's database (the overview is
        全市汇总 there: the city's figures with the township table)."""
        if name == "overviewTab":
            return self.tr("City overview") if city else self.tr("Overview")
        return {"rosterTab": self.tr("Member roster"),
                "hardshipTab": self.tr("Hardship support"),
                "tripsTab": self.tr("Shuttle buses home"),
                "stationsTab": self.tr("Rest stations")}[name]


def tab_title(name: str, *, city: bool = False) -> str:
    return TabTitles().title(name, city=city)
