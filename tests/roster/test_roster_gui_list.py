"""The roster list as a clerk meets it: the member just saved is selected, a long name keeps its
column narrow, and the keyboard walks from the search box into the list and back."""
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from union_desk.domain.idcard import check_char
from union_desk.models.member import MemberCreate
from union_desk.services.roster import members
from union_desk.views.ops import Ops
from union_desk.views.roster.tab import RosterTab
from union_desk.views.tables import COLUMN_CAP


@pytest.fixture
def tab(db, qtbot):
    ops = Ops(db)
    widget = RosterTab(ops)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    yield widget
    ops.wait()


def number(n: int) -> str:
    first17 = f"33018219800101{n:03d}"
    return first17 + check_char(first17)


def fill(db, union_id: str, names: list[str]) -> None:
    with db.session(write=True) as s:
        for n, name in enumerate(names, 1):
            members.add_member(s, data=MemberCreate(name=name, id_number=number(n),
                                                    union_id=union_id, join_date=date(2020, 1, 1)))


def names(tab) -> list[str]:
    model = tab.table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def selected(tab) -> list[str]:
    return [tab.model.row_at(i.row()).name for i in tab.table.selectionModel().selectedRows()]


def test_a_new_member_appears_selected_after_saving(db, union, tab, qtbot):
    fill(db, union.id, [f"职工{n:03d}" for n in range(250)])  # more than the first page
    tab.apply_filters()
    qtbot.waitUntil(lambda: len(names(tab)) >= 200, timeout=10_000)
    dialog = tab.new_member()
    qtbot.waitUntil(lambda: dialog.union.count() == 1, timeout=5000)
    dialog.name.setText("周舟")  # sorts after every 职工 (zhigong < zhouzhou): not on page one
    dialog.id_number.setText(number(900)[:14] + "901" + check_char(number(900)[:14] + "901"))
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: selected(tab) == ["周舟"], timeout=10_000)
    assert tab.table.currentIndex().isValid()


def test_a_long_name_does_not_widen_its_column(db, union, tab, qtbot):
    long_name = "买买提·艾力江·阿不都热合曼·吐尔逊"
    fill(db, union.id, ["张三", long_name])
    tab.apply_filters()
    qtbot.waitUntil(lambda: len(names(tab)) == 2, timeout=5000)
    assert tab.table.horizontalHeader().sectionSize(0) <= COLUMN_CAP
    row = names(tab).index(long_name)
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == long_name


def test_down_enters_the_results_enter_opens_esc_clears(db, union, tab, qtbot):
    fill(db, union.id, ["张三", "李四"])
    tab.apply_filters()
    qtbot.waitUntil(lambda: len(names(tab)) == 2, timeout=5000)
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "zs")
    qtbot.waitUntil(lambda: names(tab) == ["张三"], timeout=5000)
    # Down from the search box: into the list, on its first row
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.table.hasFocus() and selected(tab) == ["张三"]
    # Enter opens the record
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.opened
    assert dialog is not None and dialog.isVisible() and dialog.name.text() == "张三"
    dialog.reject()
    # Esc in the search box clears the search
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == ""
    qtbot.waitUntil(lambda: len(names(tab)) == 2, timeout=5000)


def test_a_search_with_thousands_of_hits_shows_a_plus_until_the_clerk_counts(
        db, union, tab, qtbot, monkeypatch):
    from union_desk.services.common import search_plan

    # Given 250 members, and a search plan that counts at most 3 hits per way of matching (as
    # 5,000 among a million)
    monkeypatch.setattr(search_plan, "CAP", 3)
    fill(db, union.id, [f"职工{n:03d}" for n in range(250)])
    # When the clerk types what all of them share
    tab.search.setText("zg")
    # Then the first page shows and the total says "200+" (共 200+ 名会员), with a button to count
    # them all (the tests' widgets show the English source text)
    qtbot.waitUntil(lambda: tab.count_label.text() == "200+ members", timeout=10_000)
    assert tab.count_all_button.isVisible()
    qtbot.mouseClick(tab.count_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.count_label.text() == "250 members", timeout=10_000)
    assert not tab.count_all_button.isVisible()
    # And a search with few hits is counted exactly at once
    tab.search.setText("职工007")
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 members", timeout=10_000)
    assert not tab.count_all_button.isVisible()


def test_the_total_is_counted_only_after_the_rows_are_in(db, union, tab, qtbot):
    # Given a few members
    fill(db, union.id, ["张三", "张四", "李五"])
    seen = []
    # When the clerk types and the rows arrive (the tab's own handler of `loaded` runs first)
    tab.model.loaded.connect(lambda rows: seen.append((rows, tab._counted)))
    tab.search.setText("张")
    qtbot.waitUntil(lambda: tab.count_label.text() == "2 members", timeout=10_000)
    # Then the count had not been started when the rows were announced (it would compete with
    # painting them), and it came once the event loop turned: the total still follows the rows
    assert seen[-1] == (2, None)
    assert tab._counted == tab.query()


def test_the_total_is_counted_only_after_the_rows_are_painted(db, union, tab, qtbot,
                                                               monkeypatch):
    # Given a few members, and a clock on what the GUI thread does
    fill(db, union.id, ["张三", "张四", "李五"])
    events = []
    painted = PaintClock(events)
    tab.table.viewport().installEventFilter(painted)
    tab.model.loaded.connect(lambda _rows: events.append("rows in"))
    count = tab._count_after_first_page
    monkeypatch.setattr(tab, "_count_after_first_page",
                        lambda query: (events.append("count"), count(query)))
    # When the clerk types and the rows arrive
    tab.search.setText("张")
    qtbot.waitUntil(lambda: tab.count_label.text() == "2 members", timeout=10_000)
    # Then the rows were painted before the count started (its thread would have taken Python's
    # lock from the painting: a 0 ms single shot is delivered before Qt's paint request)
    after = events[events.index("rows in"):]
    assert "paint" in after and after.index("paint") < after.index("count"), after


def test_the_search_is_warmed_once_after_the_first_page(db, union, qtbot, monkeypatch):
    # Given the roster's warm-up spied on
    warmed = []
    monkeypatch.setattr(members, "warm_search", lambda s, limit: warmed.append(limit))
    fill(db, union.id, ["张三", "张四", "李五"])
    ops = Ops(db)
    widget = RosterTab(ops)
    qtbot.addWidget(widget)
    # When its first page is in, and the clerk searches twice
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=10_000)
    for text in ("张", "李"):
        with qtbot.waitSignal(widget.model.loaded, timeout=10_000):
            widget.search.setText(text)
    ops.wait()
    # Then each kind of search was run once in the background, with the page's size
    assert warmed == [widget.model.page_size]


class PaintClock(QObject):
    def __init__(self, events: list):
        super().__init__()
        self.events = events

    def eventFilter(self, _watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_a_search_typed_over_before_its_count_started_is_not_counted(db, union, tab, qtbot):
    # Given a few members, and the clerk typing again the moment the first rows arrive
    fill(db, union.id, ["张三", "张四", "李五"])
    seen = []

    def on_loaded(rows):
        seen.append((tab.search.text(), tab._counted))
        if tab.search.text() == "张":
            tab.search.setText("李")

    tab.model.loaded.connect(on_loaded)
    # When the first search's rows arrive
    tab.search.setText("张")
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 members", timeout=10_000)
    # Then nothing was counted before the second search's own rows were in: the first search's
    # count, due after its rows, did not count the second one early (competing with its rows)
    assert seen[-1] == ("李", None)
    assert tab._counted == tab.query()
