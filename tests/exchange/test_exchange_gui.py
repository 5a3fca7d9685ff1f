"""The exchange in the window: a township clerk exports; the city office merges, reviews, checks a
voucher and reads the city overview. Screenshots for docs/ are taken here (offscreen)."""
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from sqlmodel import select

from exchange_helpers import export, merge, populate
from union_desk.views.main_window import MainWindow
from union_desk.views.ops import Ops

DOCS = Path(__file__).resolve().parents[2] / "docs"
# the city's window on a SQLite file and on a PostgreSQL server (the `city` fixture follows it)
BOTH_ENGINES = pytest.mark.parametrize(
    "db_engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
    indirect=True)


def shot(widget, name: str, tmp_path) -> Path:
    """Grab the widget (offscreen). The screenshots in docs/ are refreshed only when asked:
    `UNION_DESK_SHOTS=1 python -m pytest tests/exchange/test_exchange_gui.py`."""
    import os

    folder = DOCS if os.environ.get("UNION_DESK_SHOTS") else tmp_path
    path = folder / name
    assert widget.grab().save(str(path)) and path.stat().st_size > 10_000
    return path


@pytest.fixture(autouse=True)
def chinese(qapp):
    """The window as a clerk sees it (Chinese); other tests read the English source strings."""
    from PySide6.QtCore import QTranslator

    from union_desk.app import install_translation

    install_translation(qapp, "zh")
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def settle(ops, qtbot) -> None:
    """Every started op has run and reported back while the widgets still exist (a page of the
    roster may still be arriving when a test ends)."""
    ops.wait()
    qtbot.waitUntil(lambda: not ops._running, timeout=10_000)


def _window(db, qtbot):
    ops = Ops(db)
    win = MainWindow(ops)
    win.resize(1280, 760)
    qtbot.addWidget(win)
    return win, ops


def test_township_clerk_imports_the_city_key_and_exports(blank, city, qtbot, tmp_path):
    from exchange_helpers import make_township

    db = make_township(blank("dy.sqlite3"), "DY", None)
    populate(db)
    win, ops = _window(db, qtbot)
    actions = win.exchange
    # the city key: read, fingerprint confirmed by phone, kept
    asked = []
    actions.ask_key_path = lambda: city[1]
    actions.confirm_key = lambda key: asked.append(key.fingerprint) or True
    messages = []
    actions.inform = messages.append
    win.findChild(QAction, "trustCityAction").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert asked and asked[0] in messages[0]
    # the export
    out = tmp_path / "大洋镇.udx"
    actions.ask_export_path = lambda: out
    win.findChild(QAction, "exportPackageAction").trigger()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20_000)
    assert out.is_file() and "第 1 号数据包" in messages[1]
    assert win.findChild(QAction, "mergeAction") is None
    settle(ops, qtbot)
    db.close()


@pytest.fixture
def merged_city(city, township, tmp_path):
    city_db, _ = city
    paths = []
    for code, serial in (("DY", 1), ("QT", 3), ("SC", 400)):
        db = township(code)
        populate(db, members=4, first_serial=serial)
        paths.append(export(db, tmp_path / f"{code}.udx").path)
    (tmp_path / "坏文件.udx").write_bytes(b"not a package")
    paths.append(tmp_path / "坏文件.udx")
    return city_db, paths


@BOTH_ENGINES
def test_city_merges_in_the_dialog(merged_city, qtbot, tmp_path):
    city_db, paths = merged_city
    win, ops = _window(city_db, qtbot)
    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert "全市汇总" in titles and "复核清单" in titles
    assert win.findChild(QAction, "exportPackageAction") is None
    actions = win.exchange
    actions.ask_package_paths = lambda: paths
    win.findChild(QAction, "mergeAction").trigger()
    dialog = actions.last_dialog
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=30_000)
    outcomes = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert outcomes == ["已合并", "已合并", "已合并", "已拒收"]
    assert "坏文件.udx" in dialog.table.item(3, 9).text()
    assert dialog.summary.text() == "已合并 3 个，拒收 1 个。"
    dialog.resize(1180, 300)
    shot(dialog, "exchange-merge.png", tmp_path)
    settle(ops, qtbot)


@BOTH_ENGINES
def test_city_reviews_and_resolves_and_reads_the_overview(merged_city, qtbot, tmp_path):
    from union_desk.reports.voucher import voucher_check
    from union_desk.services.exchange.keys import voucher_secrets

    city_db, paths = merged_city
    merge(city_db, *paths)
    win, ops = _window(city_db, qtbot)
    review = next(win.tabs.widget(i) for i in range(win.tabs.count())
                  if win.tabs.widget(i).objectName() == "reviewTab")
    win.show()
    win.tabs.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=10_000)
    assert any("两地在册" == review.table.item(r, 0).text() for r in range(review.table.rowCount()))
    assert review.history.rowCount() == 4  # three merged, one refused
    # townships by name; a matter the column cuts reads whole in its tooltip
    assert review.table.item(0, 1).text() == "大洋镇、乾潭镇"
    assert review.table.item(0, 2).toolTip() == review.table.item(0, 2).text()
    assert "同时在" in review.table.item(0, 2).toolTip()
    shot(win, "exchange-review.png", tmp_path)
    first = review.table.rowCount()
    review.table.selectRow(0)
    review.ask_reason = lambda item: "已核实：乾潭镇漏办转出"
    review.resolve_button.click()
    qtbot.waitUntil(lambda: review.table.rowCount() == first - 1, timeout=10_000)

    overview = next(win.tabs.widget(i) for i in range(win.tabs.count())
                    if win.tabs.widget(i).objectName() == "overviewTab")
    assert win.tabs.tabText(win.tabs.indexOf(overview)) == "全市汇总"
    win.tabs.setCurrentWidget(overview)
    overview.year.setValue(2025)
    qtbot.waitUntil(lambda: overview.view is not None and overview.view.year == 2025,
                    timeout=10_000)
    townships = overview.page.townships
    assert townships.rowCount() == 17
    names = [townships.item(r, 0).text() for r in range(17)]
    assert names[-1] == "合计" and townships.item(0, 1).text() == "未报送"
    qtbot.wait(200)  # the page lays itself out again around the new figures
    shot(win, "city-overview.png", tmp_path)
    # a scanner types a genuine voucher's QR code
    check = next(win.tabs.widget(i) for i in range(win.tabs.count())
                 if win.tabs.widget(i).objectName() == "voucherCheckTab")
    win.tabs.setCurrentWidget(check)
    with city_db.session() as s:
        from union_desk.models.payment import Payment
        p = s.exec(select(Payment).where(Payment.township == "DY")).first()
        secrets = voucher_secrets(s, township="DY")
    assert secrets, "大洋镇's voucher secret arrived in its package"
    check.qr.setText(f"{p.voucher_no}|{p.amount_fen}|{voucher_check(p.voucher_no, p.amount_fen, secrets[0])}")
    check.qr.returnPressed.emit()
    qtbot.waitUntil(lambda: check.verdict.text() != "", timeout=10_000)
    assert check.verdict.text().startswith("真实")
    shot(win, "voucher-check.png", tmp_path)
    settle(ops, qtbot)


def test_city_office_cannot_change_township_records(merged_city, qtbot):
    """The city's window shows the townships' members; saving a change is refused, nothing
    written; the city's own tables stay writable."""
    from union_desk.models.member import Member
    from union_desk.services.city.readonly import READ_ONLY, protect_township_records
    from union_desk.services.errors import UserError

    city_db, paths = merged_city
    merge(city_db, *paths)
    protect_township_records(city_db)
    with city_db.session() as s:
        member = s.exec(select(Member)).first()
    with pytest.raises(UserError, match="只读"):
        with city_db.session(write=True) as s:
            s.get(Member, member.id).name = "市里改的"
    with city_db.session() as s:
        assert s.get(Member, member.id).name == member.name
    # merging still writes (Core), and the review list can be resolved
    from union_desk.services.exchange.review import list_review, resolve_review
    with city_db.session(write=True) as s:
        item = list_review(s)[0]
        resolve_review(s, item_id=item.id, reason="已核实")
    assert READ_ONLY


def test_a_township_chosen_before_the_filter_is_in_place_is_shown(merged_city, qtbot,
                                                                   monkeypatch):
    """The filter is installed by a read op: when the read pool is busy at start-up, the clerk
    (or the overview's click-through) may choose a township first. That choice still holds."""
    import threading

    from union_desk.services.city import view as city_view
    from union_desk.services.roster.members import count_members

    city_db, paths = merged_city
    merge(city_db, *paths)
    # Given the filter's installation held back until the township is chosen
    chosen = threading.Event()
    install = city_view.township_view
    monkeypatch.setattr(city_view, "township_view",
                        lambda s: (chosen.wait(10), install(s))[1])
    win, ops = _window(city_db, qtbot)
    combo = win.exchange.township_combo
    # When the clerk chooses 乾潭 before it is in place
    combo.setCurrentIndex(combo.findData("QT"))
    chosen.set()
    qtbot.waitUntil(lambda: win.exchange.view is not None, timeout=10_000)
    # Then the working tabs read 乾潭's members only
    counts = []
    ops.read(lambda s: count_members(s)).success(counts.append).run()
    qtbot.waitUntil(lambda: bool(counts), timeout=10_000)
    assert counts == [4]


@BOTH_ENGINES
def test_city_window_shows_one_township_at_a_time(merged_city, qtbot, tmp_path):
    """Choosing a township filters every working tab (the roster here); the city figures and the
    voucher check still see the whole city."""
    from union_desk.services.city.figures import city_report
    from union_desk.services.roster.members import count_members

    city_db, paths = merged_city
    merge(city_db, *paths)
    win, ops = _window(city_db, qtbot)
    combo = win.exchange.township_combo
    counts = []

    def members():
        ops.read(lambda s: count_members(s)).success(counts.append).run()
        qtbot.waitUntil(lambda: bool(counts), timeout=10_000)
        return counts.pop()

    assert members() == 12
    combo.setCurrentIndex(combo.findData("QT"))
    assert members() == 4
    reports = []
    ops.read(lambda s: city_report(s, year=2025)).success(reports.append).run()
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    assert reports[0].total.members_on_roll == 12
    combo.setCurrentIndex(0)
    assert members() == 12
    combo.setCurrentIndex(combo.findData("DY"))
    assert members() == 4
    roster = win.tabs.widget(0)
    win.show()
    qtbot.waitUntil(lambda: roster.count_label.text() == "共 4 名会员", timeout=10_000)
    shot(win, "city-window.png", tmp_path)
    settle(ops, qtbot)


@BOTH_ENGINES
def test_at_the_city_the_working_tabs_buttons_that_change_records_are_disabled(merged_city,
                                                                              qtbot):
    """Township records are read-only at the city: the buttons that add, change or remove them
    are disabled (with a tooltip saying why) and stay so when a row is chosen; Ctrl+N and a
    double-click open nothing; what only reads (export, print, figures) stays usable."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    city_db, paths = merged_city
    merge(city_db, *paths)
    win, ops = _window(city_db, qtbot)
    win.show()
    changing = ["newMemberButton", "editMemberButton", "transferButton", "statusButton",
                "importButton", "newUnionButton", "editUnionButton", "closeUnionButton",
                "newHouseholdButton", "editHouseholdButton", "householdStatusButton",
                "reviewButton", "policyButton", "payHouseholdsButton", "visitButton",
                "medicalButton", "approveButton", "voidButton", "correctButton", "medicalAidButton",
                "importListButton", "tripsNewCampaign", "tripsEditCampaign", "tripsAddBus",
                "tripsEditBus", "tripsRemoveBus", "tripsAssignButton", "tripsNewRegistration",
                "tripsEditRegistration", "tripsCancelRegistration", "tripsImportButton",
                "tripsMoveButton", "tripsSwapButton", "tripsUnseatButton", "tripsSeatButton",
                "newStationButton", "editStationButton", "inspectionButton", "countsButton",
                "stationStatusButton"]
    reading = ["exportButton", "figuresButton", "tripsPrintButton", "tripsExportButton",
               "printPaymentsButton"]
    win.tabs.build_all()  # (tabs are built when first shown: look at every one)
    buttons = {b.objectName(): b for b in win.findChildren(QPushButton)}
    assert set(changing + reading) <= set(buttons)
    for name in changing:
        assert not buttons[name].isEnabled(), name
        assert "只读" in buttons[name].toolTip(), name
    for name in reading:
        assert buttons[name].isEnabled(), name
    # a member chosen, Ctrl+N, a double-click, a household chosen: nothing opens or enables
    roster = win.tabs.widget(0)
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0, timeout=10_000)
    roster.table.selectRow(0)
    roster.activateWindow()
    qtbot.keyClick(roster.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    roster.table.doubleClicked.emit(roster.model.index(0, 0))
    roster.edit_member()
    assert roster.dialog is None
    from union_desk.views.hardship.households import HouseholdsPanel
    households = win.findChild(HouseholdsPanel)
    households.page._enable(True)  # what choosing a household does
    assert not buttons["visitButton"].isEnabled()
    settle(ops, qtbot)


def test_at_a_township_the_same_buttons_work(blank, qtbot):
    from PySide6.QtWidgets import QPushButton

    from exchange_helpers import make_township

    db = make_township(blank("dy.sqlite3"), "DY", None)
    populate(db)
    win, ops = _window(db, qtbot)
    win.tabs.build_all()  # (tabs are built when first shown: look at every one)
    buttons = {b.objectName(): b for b in win.findChildren(QPushButton)}
    for name in ("newMemberButton", "editMemberButton", "newHouseholdButton", "voidButton",
                 "tripsAddBus", "newStationButton"):
        assert buttons[name].isEnabled() and not buttons[name].toolTip(), name
    roster = win.tabs.widget(0)
    roster.new_member()
    assert roster.dialog is not None
    roster.dialog.reject()
    settle(ops, qtbot)
    db.close()
