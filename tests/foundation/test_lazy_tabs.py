"""Tabs built when first shown (issue 13, start-up): the window opens with the roster's panel
only; every way of reaching another tab — a click, Ctrl+Tab, 转到 (Ctrl+1…), the overview's
click-through, `tabs.widget(i)` — builds it first, once."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from union_desk.models.overview import Link
from union_desk.views.main_window import TABS, MainWindow
from union_desk.views.ops import Ops
from union_desk.views.tab_titles import tab_title


@pytest.fixture
def window(db, qtbot):
    ops = Ops(db)
    win = MainWindow(ops)
    qtbot.addWidget(win)
    win.show()
    yield win
    ops.wait()


def _built(win):
    return [win.tabs.is_built(i) for i in range(len(TABS))]


def test_the_window_opens_with_the_first_tab_built_and_the_others_named(window):
    assert _built(window) == [True, False, False, False, False]
    assert [window.tabs.index_of(name) for name, _m, _c in TABS] == [0, 1, 2, 3, 4]
    assert [window.tabs.tabText(i) for i in range(5)] == [tab_title(n) for n, _m, _c in TABS]
    assert window.tabs.tabText(1) == "Hardship support"  # (tests run in English)


def test_a_click_on_a_tab_builds_its_panel_in_place(window, qtbot):
    window.tabs.tabBar().setCurrentIndex(3)  # what a click on 爱心驿家 does
    stations = window.tabs.currentWidget()
    assert stations.objectName() == "stationsTab" and type(stations).__name__ == "StationsTab"
    assert window.tabs.indexOf(stations) == 3
    assert window.tabs.tabText(3) == stations.title() == "Rest stations"
    assert _built(window) == [True, False, False, True, False]
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(3)
    assert window.tabs.currentWidget() is stations  # built once


def test_ctrl_tab_and_the_go_menu_reach_and_build_the_tabs(window, qtbot):
    window.switch_tab(1)  # Ctrl+Tab
    assert window.tabs.currentWidget().objectName() == "hardshipTab"
    window.findChild(QAction, "goTab3").trigger()  # 转到 ▸ 3 (Ctrl+3)
    trips = window.tabs.currentWidget()
    assert trips.objectName() == "tripsTab" and hasattr(trips, "show_registrations")
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    assert _built(window) == [True, True, True, False, False]


def test_asking_for_a_tab_builds_it_without_showing_it(window):
    hardship = window.tabs.widget(1)
    assert hardship.objectName() == "hardshipTab" and hasattr(hardship, "payments")
    assert window.tabs.currentIndex() == 0 and _built(window)[1]


def test_the_overview_built_late_still_opens_the_list_behind_a_figure(window, qtbot):
    window.tabs.setCurrentIndex(4)
    overview = window.tabs.currentWidget()
    assert overview.objectName() == "overviewTab"
    overview.link_activated.emit(Link(area="payments", year=2026, month=3))
    hardship = window.tabs.currentWidget()
    assert hardship.objectName() == "hardshipTab"
    assert hardship.pages.currentWidget() is hardship.payments
    overview = window.tabs.widget(4)
    overview.link_activated.emit(Link(area="registrations", text="贵州"))
    trips = window.tabs.currentWidget()
    assert trips.objectName() == "tripsTab"
    assert trips.pages.currentWidget() is trips.registrations
    assert trips.registrations.search.text() == "贵州"
