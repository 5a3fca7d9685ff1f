"""The 爱心驿家 tab as a clerk uses it: register a station, record its acceptance, print its door
sign; enter a month's counts; change the standard and see the flags follow."""
import random
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from union_desk.reports.pdfcheck import pdf_page_count, pdf_text
from union_desk.services.demo.stations import _png
from union_desk.services.stations.printing import StationForm
from union_desk.views.main_window import tab_classes
from union_desk.views.ops import Ops
from union_desk.views.stations.model import COL_CODE, COL_DUE, COL_LAST, COL_MISSING, COL_PHONE
from union_desk.views.stations.tab import StationsTab


@pytest.fixture
def tab(db, qtbot):
    ops = Ops(db)
    widget = StationsTab(ops)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.last_preview is not None:
        widget.last_preview.reject()
    ops.wait()


def cell(tab, row, column):
    return tab.model.index(row, column).data()


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=10_000)
    assert dialog.error.text() == "" and dialog.result_row is not None


def register(tab, qtbot, name="大洋镇环卫工人爱心驿家", phone="138-5711-2345"):
    dialog = tab.new_station()
    dialog.name.setText(name)
    dialog.host_unit.setText("大洋镇总工会")
    dialog.credit_code.setText("91110000600037341N")
    assert "L" in dialog.credit_note.text()  # warns, does not block
    dialog.address.setText("建德市大洋镇环城路18号")
    dialog.area.setText("25.5")
    dialog.hours.setText("07:00-19:00")
    dialog.manager.setText("李建国")
    dialog.phone.setText(phone)
    dialog.registered_on.setDate(QDate(2021, 3, 1))
    for key in ("toilet", "air_conditioner", "fridge", "microwave", "hot_water", "charging",
                "first_aid"):
        dialog.facility_checks[key].setChecked(True)
    return dialog


def test_register_inspect_and_print_door_sign(tab, qtbot, tmp_path):
    assert tab.title() in ("Rest stations", "爱心驿家")
    assert StationsTab in tab_classes()
    # Register: a bad phone keeps the dialog open with the clerk's message
    dialog = register(tab, qtbot, phone="12345")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert "手机号" in dialog.error.text() and dialog.isVisible()
    dialog.phone.setText("138-5711-2345")
    dialog.error.clear()  # FormDialog keeps the previous message until the next failure
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    assert cell(tab, 0, COL_CODE) == "DY-YJ-001"
    assert cell(tab, 0, COL_PHONE) == "138****2345"
    assert cell(tab, 0, COL_MISSING) == "血压计"  # the one standard item not ticked
    assert cell(tab, 0, COL_DUE) == "2021-03-01"  # acceptance is due

    # Record the acceptance
    assert tab.select_code("DY-YJ-001")
    dialog = tab.record_inspection()
    assert dialog.kind.currentText().endswith("(验收)")
    assert not dialog.result_checks["bp_meter"].isChecked()  # pre-filled from the station
    dialog.on.setDate(QDate(2021, 3, 15))
    dialog.inspector.setText("张明")
    dialog.result_checks["bp_meter"].setChecked(True)  # brought in for the visit
    dialog.remarks.setPlainText("血压计已配备")
    save(qtbot, dialog)
    assert dialog.result_row.passed
    qtbot.waitUntil(lambda: cell(tab, 0, COL_DUE) == "2022-03-15", timeout=10_000)
    assert cell(tab, 0, COL_LAST).startswith("2021-03-15")

    # Print its door sign: preview, then save as PDF
    tab.select_code("DY-YJ-001")
    with qtbot.waitSignal(tab.preview_opened, timeout=20_000):
        tab.print_station(StationForm.SIGN)
    preview = tab.last_preview
    assert preview.document.pageCount() == 1
    target = tmp_path / "门牌.pdf"
    preview.ask_save_path = lambda: target
    preview.inform = lambda text: None
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = "".join(pdf_text(target).split())
    assert "爱心驿家" in text and "编号：DY-YJ-001" in text and "大洋镇环卫工人爱心驿家" in text
    # Printing renders each page through Qt's printer (here a PDF printer stands in)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.ask_printer = lambda: printer
    with qtbot.waitSignal(preview.printed, timeout=20_000):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert pdf_page_count(tmp_path / "printed.pdf") == 1


def test_monthly_counts_and_standard_change(tab, qtbot):
    save(qtbot, register(tab, qtbot))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.select_code("DY-YJ-001")
    dialog = tab.enter_counts()
    dialog.year.setValue(2021)
    qtbot.waitUntil(lambda: dialog.grid.item(0, 0) is not None, timeout=10_000)
    dialog.set_count(4, "sanitation", 120)
    dialog.set_count(4, "rider", 30)
    assert dialog.grid.item(12, 5).text() == "150"  # the year's total follows as typed
    assert list(dialog.payload()) == [date(2021, 4, 1)]  # only the month that changed
    save(qtbot, dialog)
    assert dialog.result_row == 1

    # Require Wi-Fi too: the station is flagged for it at once
    dialog = tab.edit_standard()
    qtbot.waitUntil(dialog.save_button().isEnabled, timeout=10_000)
    dialog.required["wifi"].setChecked(True)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: cell(tab, 0, COL_MISSING) == "血压计、Wi-Fi", timeout=10_000)
    tab.missing_only.setChecked(True)
    qtbot.waitUntil(lambda: tab.count_label.text() in ("1 stations", "1 个驿家"), timeout=10_000)


def test_closed_stations_cannot_change(tab, qtbot):
    save(qtbot, register(tab, qtbot))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.select_code("DY-YJ-001")
    dialog = tab.change_status()
    dialog.status.setCurrentIndex(dialog.status.findText("关闭", Qt.MatchFlag.MatchContains))
    dialog.on.setDate(QDate(2021, 6, 1))
    dialog.reason.setText("场地拆迁")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: cell(tab, 0, COL_DUE) == "—", timeout=10_000)
    messages = []
    tab.inform = messages.append
    tab.select_code("DY-YJ-001")
    assert tab.record_inspection() is None and tab.change_status() is None
    assert len(messages) == 2 and "DY-YJ-001" in messages[0]


def test_photos_subsidies_and_figures(tab, qtbot, tmp_path):
    save(qtbot, register(tab, qtbot))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.select_code("DY-YJ-001")
    photos = tab.show_photos()
    photo = tmp_path / "门头.png"
    photo.write_bytes(_png(random.Random(1)))
    photos.ask_open_path = lambda: photo
    qtbot.mouseClick(photos.findChild(QPushButton, "addPhotoButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photos.list.count() == 1, timeout=10_000)
    assert "门头.png" in photos.list.item(0).text()
    qtbot.waitUntil(lambda: not photos.image.pixmap().isNull(), timeout=10_000)
    photos.reject()

    subsidies = tab.show_subsidies()
    add = subsidies.findChild(QPushButton, "addSubsidyButton")
    subsidies.amount.setText("30,000")
    subsidies.paid_on.setDate(QDate(2021, 4, 1))
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: subsidies.table.rowCount() == 1 or bool(subsidies.error.text()),
                    timeout=10_000)
    assert subsidies.error.text() == ""
    assert subsidies.table.item(0, 2).text() == "¥30,000.00"
    assert subsidies.table.item(0, 3).text() == "大洋镇-2021-0001"  # paid with a voucher
    subsidies.amount.setText("abc")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert "金额格式错误" in subsidies.error.text()
    subsidies.table.selectRow(0)
    subsidies.ask_reason = lambda: "金额录错"
    qtbot.mouseClick(subsidies.findChild(QPushButton, "voidSubsidyButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: subsidies.table.rowCount() == 0, timeout=10_000)
    subsidies.reject()

    figures = tab.show_figures()
    figures.year.setValue(2021)
    qtbot.waitUntil(lambda: "2021" in figures.summary.text(), timeout=10_000)
    assert figures.status_table.item(0, 1).text() == "1"
    coverage = {figures.coverage_table.item(r, 0).text(): figures.coverage_table.item(r, 2).text()
                for r in range(figures.coverage_table.rowCount())}
    assert coverage["血压计"] == "0 / 1" and coverage["卫生间"] == "1 / 1"
    figures.reject()
