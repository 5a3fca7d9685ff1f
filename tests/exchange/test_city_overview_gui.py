"""The city office's window: the city figures, the township table and its two files (year report
PDF and Excel) are in one tab (全市汇总, the overview) — not repeated in a second tab."""
from collections import Counter

from PySide6.QtWidgets import QPushButton, QTableWidget

from exchange_helpers import export, merge, populate
from union_desk.views.main_window import MainWindow
from union_desk.views.ops import Ops


def test_the_city_shows_each_township_table_and_its_buttons_once(city, township, qtbot,
                                                                  tmp_path):
    # Given a city database with one township's package merged
    city_db, _ = city
    db = township("DY")
    populate(db, members=3)
    merge(city_db, export(db, tmp_path / "DY.udx").path)
    ops = Ops(city_db)
    win = MainWindow(ops)
    qtbot.addWidget(win)
    win.show()
    # When the clerk goes through every tab
    tabs = [win.tabs.widget(i) for i in range(win.tabs.count())]
    overview = next(t for t in tabs if t.objectName() == "overviewTab")
    for tab in tabs:
        win.tabs.setCurrentWidget(tab)
    win.tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: overview.view is not None, timeout=10_000)
    ops.wait()
    # Then the overview and the city's own tabs each do a different thing: no second Excel or
    # PDF of the township table
    city_tabs = tabs[4:]  # after the roster, hardship, trips and stations
    texts = Counter(b.text() for tab in city_tabs for b in tab.findChildren(QPushButton))
    assert [t for t, n in texts.items() if n > 1] == []
    assert texts["Save as Excel…"] == 1 and texts["Print year report… (Ctrl+P)"] == 1
    # and the township table (16 townships and the total) is shown once, in the overview
    tables = [t for tab in tabs for t in tab.findChildren(QTableWidget)
              if t.rowCount() == 17 and t.item(16, 0) and t.item(16, 0).text() == "合计"]
    assert tables == [overview.page.townships]
    assert win.tabs.tabText(win.tabs.indexOf(overview)) == "City overview"
    assert [win.tabs.widget(i).objectName() for i in range(4, win.tabs.count())] == \
        ["overviewTab", "voucherCheckTab", "reviewTab"]
    qtbot.waitUntil(lambda: not ops._running, timeout=10_000)
