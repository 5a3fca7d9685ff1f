"""The shuttle-bus tab as a clerk uses it: from a new campaign to a printed manifest."""
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from trips_helpers import list_row, make_id, write_list
from union_desk.domain.masking import mask_id
from union_desk.reports.pdfcheck import pdf_fonts, pdf_text
from union_desk.views.ops import Ops
from union_desk.views.trips.tab import TripsTab

WAIT = 10_000


@pytest.fixture
def tab(db, qtbot):
    ops = Ops(db)
    widget = TripsTab(ops)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    yield widget
    ops.wait()


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=WAIT)
    assert dialog.error.text() == "" and dialog.result_row is not None


def texts(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def add_bus(qtbot, tab, plate, seats, destination, stops):
    dialog = tab.add_bus()
    dialog.plate.setText(plate)
    dialog.seats.setValue(seats)
    dialog.destination.setText(destination)
    dialog.stops.setText(stops)
    dialog.place.setText("大洋镇人民政府门前")
    dialog.driver.setText("李师傅")
    dialog.driver_phone.setText("13905710001")
    save(qtbot, dialog)


def test_from_campaign_to_printed_manifest(tab, qtbot, tmp_path):
    # a new campaign, chosen at once
    dialog = tab.new_campaign()
    dialog.name.setText("2021 春节返乡")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.campaign.currentText() == "2021 春节返乡", timeout=WAIT)

    # two buses
    add_bus(qtbot, tab, "浙A12345", 3, "贵州黔东南", "凯里、黄平")
    add_bus(qtbot, tab, "浙A22345", 2, "湖北恩施", "")
    qtbot.waitUntil(lambda: tab.bus_model.rowCount() == 2, timeout=WAIT)
    assert texts(tab.bus_model, 1) == ["浙A12345", "浙A22345"]

    # one worker by hand, the rest from an employer's list with one bad row
    regs = tab.registrations
    dialog = regs.new_registration()
    for field, value in (("name", "张三"), ("id_number", make_id(1).lower()),
                         ("phone", "138 0000 0001"), ("employer", "建德市新安化工集团"),
                         ("province", "贵州省"), ("city", "黔东南州"), ("county", "凯里市")):
        dialog.edits[field].setText(value)
    save(qtbot, dialog)
    path = write_list(tmp_path / "list.xlsx", [
        list_row(2, "李四", county="黄平县"), list_row(3, "王五", county="凯里市"),
        list_row(4, "赵六", province="湖北省", city="恩施州", county="利川市"),
        list_row(5, "钱七", county="凯里市"), list_row(6, "孙八", phone="123")])
    regs.ask_open_path = lambda: path
    importer = regs.import_file()
    qtbot.waitUntil(lambda: importer.commit_button.isEnabled(), timeout=WAIT)
    assert importer.rejections.rowCount() == 1 and importer.rejections.item(0, 0).text() == "7"
    # the list gives 省 / 市 / 县 columns: nothing was read from one destination column
    assert not importer.tabs.isTabVisible(importer.tabs.indexOf(importer.placements))
    qtbot.mouseClick(importer.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: importer.report is not None, timeout=WAIT)
    importer.close()
    qtbot.waitUntil(lambda: regs.model.rowCount() == 5, timeout=WAIT)
    assert texts(regs.model, 1) == ["张三", "李四", "王五", "赵六", "钱七"]
    assert texts(regs.model, 2)[0] == mask_id(make_id(1))

    # the same person again is refused, naming the first registration
    dialog = regs.new_registration()
    for field, value in (("name", "张三"), ("id_number", make_id(1)), ("phone", "13800000009"),
                         ("province", "贵州省")):
        dialog.edits[field].setText(value)
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "第 1 号" in dialog.error.text(), timeout=WAIT)
    dialog.reject()

    # assign seats: the three for 凯里 fit bus 1 whole, 恩施 goes to bus 2, 黄平 waits
    qtbot.mouseClick(tab.findChild(QPushButton, "tripsAssignButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: texts(tab.bus_model, 4) == ["3/3", "1/2"], timeout=WAIT)
    tab.pages.setCurrentWidget(tab.waiting)
    qtbot.waitUntil(lambda: texts(tab.waiting.model, 2) == ["李四"], timeout=WAIT)

    # the boarding check on bus 1
    tab.pages.setCurrentWidget(tab.passengers)
    tab.select_bus("浙A12345")
    qtbot.waitUntil(lambda: texts(tab.passengers.model, 2) == ["张三", "王五", "钱七"],
                    timeout=WAIT)
    model = tab.passengers.model
    model.setData(model.index(0, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: texts(tab.bus_model, 5) == ["1", "0"], timeout=WAIT)
    tab.passengers.missing_only.setChecked(True)
    qtbot.waitUntil(lambda: texts(tab.passengers.model, 2) == ["王五", "钱七"], timeout=WAIT)
    tab.passengers.missing_only.setChecked(False)

    # 王五 cancels: the seat goes to 李四, first on the waiting list
    tab.pages.setCurrentWidget(regs)
    regs.table.selectRow(2)
    regs.ask_cancel_reason = lambda name: "家中有事"
    qtbot.mouseClick(regs.findChild(QPushButton, "tripsCancelRegistration"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "李四" in tab.status.text(), timeout=WAIT)
    tab.pages.setCurrentWidget(tab.passengers)
    qtbot.waitUntil(lambda: texts(tab.passengers.model, 2) == ["张三", "李四", "钱七"],
                    timeout=WAIT)

    # swap 李四 (bus 1) with 赵六 (bus 2)
    tab.passengers.select_name("李四")
    swap = tab.passengers.open_seat_dialog(swap=True)
    swap.bus.setCurrentIndex(1)
    qtbot.waitUntil(lambda: swap.other.count() == 1, timeout=WAIT)
    save(qtbot, swap)
    qtbot.waitUntil(lambda: texts(tab.passengers.model, 2) == ["张三", "赵六", "钱七"],
                    timeout=WAIT)

    # print the manifest of every bus (Ctrl+P), preview it and save the PDF
    tab.bus_table.clearSelection()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=WAIT)
    QTest.keySequence(tab.bus_table, "Ctrl+P")
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=WAIT)
    preview = tab.preview
    assert preview.document.pageCount() == 2
    pdf = tmp_path / "manifest.pdf"
    preview.inform = lambda text: None
    preview.ask_save_path = lambda: pdf
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pdf.exists, timeout=WAIT)
    text = pdf_text(pdf)
    assert "乘车名单" in text and "浙A12345" in text and "浙A22345" in text
    assert "钱七" in text and "李四" in text and "王五" not in text
    assert mask_id(make_id(1)) in text and make_id(1) not in text
    assert all(embedded for _, embedded in pdf_fonts(pdf))
    preview.close()

    # and the same to Excel
    xlsx = tmp_path / "manifest.xlsx"
    tab.ask_save_path = lambda title, default, pattern: xlsx
    tab.export_excel()
    qtbot.waitUntil(lambda: xlsx.exists() and str(xlsx) in tab.status.text(), timeout=WAIT)
    assert load_workbook(xlsx).sheetnames == ["去程1 浙A12345", "去程2 浙A22345"]

    # figures
    tab.pages.setCurrentWidget(tab.figures)
    qtbot.waitUntil(lambda: tab.figures.figures is not None
                    and tab.figures.figures.cancelled == 1, timeout=WAIT)
    f = tab.figures.figures
    assert (f.registered, f.seated, f.waiting, f.boarded) == (4, 4, 0, 1)
    assert texts(tab.figures.by_province, 0) == ["贵州省", "湖北省"]


def test_a_list_with_one_destination_column_shows_where_each_way_of_writing_it_was_placed(
        tab, qtbot, tmp_path):
    from sheet_files import write_any

    dialog = tab.new_campaign()
    dialog.name.setText("2027 春节返乡")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.campaign.currentText() == "2027 春节返乡", timeout=WAIT)
    header = ["姓名", "身份证号", "手机号码", "家庭住址"]
    places = ["贵州黔东南", "恩施", "黔东南州", "湖北省襄樊市樊城区米公路", "火星"]
    path = write_any(tmp_path / "名单.xls", {"名单": [header] + [
        [f"工人{i}", make_id(i), f"138{i:08d}", place] for i, place in enumerate(places, 1)]})
    regs = tab.registrations
    regs.ask_open_path = lambda: path
    importer = regs.import_file()
    qtbot.waitUntil(lambda: importer.commit_button.isEnabled(), timeout=WAIT)
    index = importer.tabs.indexOf(importer.placements)
    assert importer.tabs.isTabVisible(index)
    assert importer.tabs.tabText(index) == "Destinations read (3)"
    table = importer.placements
    assert [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())] == [
        ["贵州省 黔东南苗族侗族自治州", "2", "2", "贵州黔东南、黔东南州"],
        ["湖北省 恩施土家族苗族自治州", "1", "3", "恩施"],
        ["湖北省 襄阳市 樊城区", "1", "5", "湖北省襄樊市樊城区米公路"],
    ]
    assert importer.rejections.rowCount() == 1 and importer.rejections.item(0, 0).text() == "6"
    importer.close()


def test_a_list_without_problems_opens_on_the_destinations_read(tab, qtbot, tmp_path):
    from sheet_files import write_any

    dialog = tab.new_campaign()
    dialog.name.setText("2027 春节返乡")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.campaign.currentText() == "2027 春节返乡", timeout=WAIT)
    path = write_any(tmp_path / "名单.xlsx", {"名单": [["姓名", "身份证号", "手机号码", "目的地"]] + [
        [f"工人{i}", make_id(i), f"138{i:08d}", "贵州黔东南"] for i in (1, 2)]})
    regs = tab.registrations
    regs.ask_open_path = lambda: path
    importer = regs.import_file()
    qtbot.waitUntil(lambda: importer.commit_button.isEnabled(), timeout=WAIT)
    assert importer.rejections.rowCount() == 0
    assert importer.tabs.currentWidget() is importer.placements
    importer.close()
