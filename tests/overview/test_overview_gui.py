"""The overview in the window: figures and charts arrive off the GUI thread; a click on a bar or a
figure (mouse or keyboard) opens the working tab with the list behind it, filtered; the report is
previewed; the Help menu; the window's layout remembered."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QTextBrowser

from union_desk.views.main_window import MainWindow
from union_desk.views.ops import Ops

YEAR = date.today().year


def settle(ops, rounds: int = 4) -> None:
    for _ in range(rounds):
        ops.wait()
        QCoreApplication.processEvents()


@pytest.fixture
def window(demo_db, qtbot):
    ops = Ops(demo_db)
    win = MainWindow(ops)
    qtbot.addWidget(win)
    win.show()
    settle(ops)
    yield win
    ops.wait()


def open_overview(win, qtbot):
    overview = next(win.tabs.widget(i) for i in range(win.tabs.count())
                    if win.tabs.widget(i).objectName() == "overviewTab")
    win.tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: overview.view is not None and overview.view.year == YEAR, timeout=10000)
    return overview


def click_bar(chart, index: int) -> None:
    # a chart made with the first figures is laid out by queued events: under load it may not
    # be yet, and a widget without a size is not painted by grab() (its bars not placed)
    for _ in range(200):
        if chart.isVisible() and chart.height() >= chart.minimumSizeHint().height():
            break
        QCoreApplication.processEvents()
        QTest.qWait(10)
    chart.grab()  # the bars' places are known once drawn (scrolled out of sight: not yet)
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     chart._rects[index].center().toPoint())


def test_the_page_shows_this_year_beside_last_with_charts(window, qtbot):
    overview = open_overview(window, qtbot)
    page = overview.page
    assert page.table.rowCount() == len(overview.view.figures) == 17
    new = next(i for i, f in enumerate(overview.view.figures) if f.key == "members_new")
    figure = overview.view.figures[new]
    assert page.table.item(new, 1).text() == f"{figure.this_year:,}"
    assert page.table.item(new, 2).text() == f"{figure.last_year:,}"
    assert page.table.item(new, 3).text() == figure.change_text()
    assert set(page.charts) >= {"members_on_roll", "payments_month", "households_cause",
                                "passengers_province", "stations_month"}
    assert "大洋镇" in overview.heading.text() and str(YEAR - 1) in overview.heading.text()


def test_a_month_bar_opens_that_months_payments(window, qtbot):
    overview = open_overview(window, qtbot)
    chart = overview.page.charts["payments_month"]
    month = next(i for i, b in enumerate(chart.chart.bars) if b.value)
    bar = chart.chart.bars[month]
    click_bar(chart, month)
    hardship = window.tabs.currentWidget()
    assert hardship.objectName() == "hardshipTab"
    payments = hardship.payments
    assert hardship.pages.currentWidget() is payments
    assert payments.query()["year"] == YEAR and payments.query()["month"] == month + 1
    with qtbot.waitSignal(payments.totals_shown, timeout=10000) as shown:
        payments.apply_filters()
    assert shown.args[0].total.amount_fen == bar.value
    assert f"{shown.args[0].total.count}笔" == bar.note


def test_a_category_bar_opens_the_households_helped_of_that_category(window, qtbot):
    overview = open_overview(window, qtbot)
    chart = overview.page.charts["households_category"]
    bar = chart.chart.bars[0]
    click_bar(chart, 0)
    households = window.tabs.currentWidget().households
    assert households.category_filter.currentData() == bar.label
    assert households.linked_chip.isVisible() or households.linked_chip.text()
    with qtbot.waitSignal(households.counted, timeout=10000) as counted:
        households.apply_filters()
    assert counted.args[0] == bar.value
    households.linked_chip.click()  # the clerk removes the filter the overview set
    assert "supported_in" not in households.query()


def test_keyboard_and_figure_row_reach_the_roster(window, qtbot):
    overview = open_overview(window, qtbot)
    chart = overview.page.charts["members_new"]
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key.Key_Home)  # nothing: the chart knows only arrows and Enter
    chart.current = 0  # where the focus starts (1月; offscreen, focus-in may come late)
    QTest.keyClick(chart, Qt.Key.Key_Right)  # → 2月
    assert chart.current == 1
    QTest.keyClick(chart, Qt.Key.Key_Return)
    roster = window.tabs.currentWidget()
    assert roster.objectName() == "rosterTab"
    assert roster.query()["joined"] == (date(YEAR, 2, 1), date(YEAR, 3, 1))
    window.tabs.setCurrentWidget(overview)
    row = next(i for i, f in enumerate(overview.view.figures) if f.key == "members_on_roll")
    table = overview.page.table
    table.scrollToItem(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualItemRect(table.item(row, 0)).center())
    assert window.tabs.currentWidget() is roster
    assert "joined" not in roster.query() and roster.status_filter.currentData() == "在册"


def test_print_year_report_opens_the_preview(window, qtbot):
    from union_desk.reports.pdfcheck import pdf_text

    overview = open_overview(window, qtbot)
    overview.print_report()
    qtbot.waitUntil(lambda: overview.preview is not None, timeout=20000)
    text = pdf_text(overview.preview.pdf)
    assert f"大洋镇{YEAR}年度工会工作数据报告" in text and "填报单位" in text
    overview.preview.reject()


def test_help_menu_guide_shortcuts_and_folders(window):
    help_menu = window.findChild(QMenu, "helpMenu")
    names = [a.objectName() for a in help_menu.actions()]
    assert names == ["guideAction", "shortcutsAction", "whereAction", "aboutAction"]
    assert all("&" in a.text() for a in help_menu.actions())  # Alt+letter reaches each
    assert help_menu.actions()[0].shortcut().toString() == "F1"
    go = window.findChild(QMenu, "goMenu")
    assert [a.shortcut().toString() for a in go.actions()][:5] == [f"Ctrl+{i}" for i in range(1, 6)]
    go.actions()[4].trigger()
    assert window.tabs.currentIndex() == 4
    guide = window.help.show_guide()  # shipped in the package: no network
    assert "年度概况" in guide.findChild(QTextBrowser, "guideText").toPlainText()
    guide.reject()
    keys = dict(window.help.shortcuts())
    assert "Ctrl+1" in keys and "F1" in keys and "Ctrl+O" in keys
    places = dict(window.help.places())
    assert places["Database file"] == window.ops.file_path
    assert places["Automatic backups"] == window.ops.file_path.parent / "backups"
    opened = []
    window.help.open_folder = lambda folder: opened.append(folder) or True
    where = window.help.show_where()
    assert where.findChild(QLabel, "wherePath0").text() == str(window.ops.file_path)
    where.findChild(QPushButton, "openFolder1").click()
    assert opened == [window.ops.file_path.parent / "backups"]
    where.reject()
    about = window.help.show_about()
    assert "0.1.0" in about.findChild(QLabel, "aboutText").text()
    about.reject()


def _run_window(db_path, settings, mode: str, screen: tuple[int, int], tmp_path) -> dict:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / f"screen-{screen[0]}x{screen[1]}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": screen[0], "height": screen[1],
                                               "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    script = Path(__file__).with_name("window_run.py")
    done = subprocess.run([sys.executable, str(script), str(db_path), str(settings), mode],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_remembers_its_size_position_splitters_and_columns(demo_path, tmp_path):
    # Given a clerk on a 1920×1080 screen: the window opens at its default size, not maximised
    settings = tmp_path / "settings"
    first = _run_window(demo_path, settings, "set", (1920, 1080), tmp_path)
    assert not first["maximised"]
    # When they move and size it, move a splitter and widen a column, and close it
    # Then the next start shows it as they left it, the column not fitted to the page again
    again = _run_window(demo_path, settings, "show", (1920, 1080), tmp_path)
    assert again["geometry"][2:] == first["geometry"][2:] == [1300, 700]
    # (offscreen reports the frame's 2-pixel margin once more on the way back)
    assert all(abs(a - b) <= 2 for a, b in zip(again["geometry"][:2], first["geometry"][:2]))
    assert again["splitter"] == first["splitter"] and again["column"] == 233


def test_a_laptop_screen_opens_the_window_maximised_within_it(demo_path, tmp_path):
    """1366×768 (the taskbar leaves less): the default 1280×800 does not fit, so maximised."""
    shown = _run_window(demo_path, tmp_path / "settings", "show", (1366, 728), tmp_path)
    assert shown["maximised"]
    x, y, width, height = shown["geometry"]
    assert width <= 1366 and y + height <= 728


def test_a_small_screen_opens_the_window_maximised(demo_db, qtbot):
    """The offscreen screen is 800×800: smaller than the default 1280×800 window."""
    ops = Ops(demo_db)
    win = MainWindow(ops)
    qtbot.addWidget(win)
    assert win.windowState() & Qt.WindowState.WindowMaximized
    win.show()
    settle(ops)
    area = win.screen().availableGeometry()
    assert win.frameGeometry().width() <= area.width() and win.height() <= area.height()
    win.close()
    ops.wait()
