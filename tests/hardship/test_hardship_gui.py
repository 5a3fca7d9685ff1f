"""The 困难帮扶 tab as a clerk uses it: build a household file, record a visit with a payment,
print its voucher to a file and through the print dialog, void it, and see the list and its
totals follow; a reprint says 补打 and a voided voucher prints 作废."""
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from hardship_gui_helpers import gui_id, pick_member, roster, save, tab, texts  # noqa: F401
from personal_numbers import full
from union_desk.domain.masking import mask_id
from union_desk.models.payment import PaymentStatus
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.views.hardship.models import PaymentsModel
from union_desk.views.hardship.persons import COL_INCOME, COL_NAME, COL_RELATION
from union_desk.views.main_window import tab_classes


def build_household(tab, qtbot, roster):
    """New file for 张三: 本人 earning 600 元 and a spouse earning 800 元 → 深度困难."""
    panel = tab.households
    dialog = panel.new_household()
    pick_member(qtbot, dialog.picker, "张三")
    table = dialog.persons.table
    assert (table.item(0, COL_NAME).text(), table.item(0, COL_RELATION).text()) == ("张三", "本人")
    table.item(0, COL_INCOME).setText("600")
    dialog.persons.add_person("李梅", "配偶", gui_id(22, "19820305"), "800", "慢性病")
    qtbot.waitUntil(lambda: "深度困难" in dialog.suggestion.text(), timeout=5000)
    assert "700.00" in dialog.suggestion.text()  # income per head, against 1,000.00 低保
    dialog.main_cause.setCurrentText("疾病")
    dialog.bank_name.setText("建德农商银行")
    dialog.bank_account.setText("6230 7118 7736 2952 105")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: texts(panel.table) == ["张三"], timeout=5000)
    return panel


def test_the_tab_is_registered_after_the_roster():
    names = [cls.__name__ for cls in tab_classes()]
    assert names.index("HardshipTab") == names.index("RosterTab") + 1


def test_household_visit_payment_print_and_void(tab, qtbot, roster, tmp_path):
    # Given a new household file: its page opens beside the list, sensitive fields masked
    panel = build_household(tab, qtbot, roster)
    page = panel.page
    qtbot.waitUntil(lambda: page.detail is not None and page.persons.rowCount() == 2,
                    timeout=5000)
    qtbot.waitUntil(lambda: panel.current_household() is not None, timeout=5000)
    assert panel.current_household().member_name == "张三"
    qtbot.waitUntil(lambda: panel.count_label.text().startswith("1 "), timeout=5000)
    header = page.header.text()
    assert "深度困难" in header and str(roster["张三"].id_number) in header
    assert "****2105" in header and "62307118" not in header
    assert page.persons.item(1, 2).text() == mask_id(gui_id(22, "19820305"))

    # When the clerk records a visit with a payment of 1,409.50 元
    visit = panel.record_visit()
    # an empty 经办人 signs with the clerk's name, which the field shows as its placeholder
    qtbot.waitUntil(lambda: visit.payment.handler.placeholderText() == "王晓燕", timeout=5000)
    visit.visitors.setText("镇总工会 李主席、王晓燕")
    visit.occasion.setCurrentText("春节送温暖")
    visit.payment.amount.setText("1,409.5")
    visit.payment.reviewer.setText("李四")
    visit.payment.approver.setText("赵主席")
    save(qtbot, visit)
    number = f"大洋镇-{date.today().year}-0001"
    assert visit.result_row.payment.voucher_no == number
    assert visit.result_row.payment.amount_fen == 140_950
    qtbot.waitUntil(lambda: page.visits.rowCount() == 1 and page.payments.rowCount() == 1,
                    timeout=5000)
    assert page.payments.item(0, 0).text() == number
    assert page.visits.item(0, 4).text() == "¥1,409.50"

    # And prints its voucher from the household page, saving the PDF to a file
    page.tabs.setCurrentWidget(page.payments)
    page.payments.selectRow(0)
    with qtbot.waitSignal(tab.printing.preview_opened, timeout=20_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = tab.printing.last_preview
    assert preview.document.pageCount() == 1 and preview.result.reprinted == []
    target = tmp_path / "凭证.pdf"
    preview.ask_save_path = lambda: target
    preview.inform = lambda text: None
    with qtbot.waitSignal(preview.saved, timeout=10_000):  # saving does not count as printed
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    text = pdf_text(target)
    for expected in (number, "¥1,409.50", "人民币壹仟肆佰零玖元伍角整", "张三", "春节送温暖",
                     str(roster["张三"].id_number), "赵主席"):
        assert expected in text
    assert full(roster["张三"].id_number) not in text and "补打" not in text
    fonts = pdf_fonts(target)
    assert fonts and all(embedded for _name, embedded in fonts)

    # And prints it through the print dialog (a PDF printer here), off the GUI thread
    printed = tmp_path / "printer.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.ask_printer = lambda: printer
    with qtbot.waitSignal(preview.recorded, timeout=30_000):  # printing counts it
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert pdf_page_count(printed) == 1
    preview.reject()

    # Then the payments list shows it issued, printed once, and counts it in the totals
    payments = tab.payments
    tab.pages.setCurrentWidget(payments)
    qtbot.waitUntil(lambda: texts(payments.table) == [number], timeout=5000)
    qtbot.waitUntil(lambda: texts(payments.table, PaymentsModel.COL_PRINTED) == ["1"],
                    timeout=5000)
    qtbot.waitUntil(lambda: "¥1,409.50" in payments.totals_label.text(), timeout=5000)

    # When the clerk presses OK without a reason, they are told nothing happened, and why
    payments.table.selectRow(0)
    told = []
    payments.inform = told.append
    payments.ask_void_reason = lambda p: ""
    payments.void_payment()
    assert told and number in told[-1] and "reason" in told[-1]
    # When the clerk voids it with a reason (the confirm dialog is a method)
    asked = []
    payments.ask_void_reason = lambda p: asked.append(p.voucher_no) or "金额填错"
    shown = []
    payments.totals_shown.connect(shown.append)
    payments.void_payment()
    # (a refresh queued by the print may report first: wait for the one after the void)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].total.count == 0, timeout=10_000)
    assert asked == [number]
    # Then it stays in the list marked 作废, and the totals no longer count it
    assert shown[-1].total.count == 0 and shown[-1].total.amount_fen == 0
    qtbot.waitUntil(lambda: texts(payments.table, PaymentsModel.COL_STATUS) == ["作废"],
                    timeout=5000)
    assert texts(payments.table, PaymentsModel.COL_NOTE) == ["金额填错"]
    assert "¥0.00" in payments.totals_label.text()
    payments.status_filter.setCurrentIndex(payments.status_filter.findData(PaymentStatus.VOID))
    qtbot.waitUntil(lambda: "¥1,409.50" in payments.totals_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.payments.item(0, 4).text() == "作废", timeout=5000)

    # And printing it again gives a voucher marked 补打 with 作废 across it
    payments.table.selectRow(0)
    with qtbot.waitSignal(tab.printing.preview_opened, timeout=20_000):
        payments.print_chosen()
    again = tab.printing.last_preview
    assert again.result.reprinted == [number] and again.result.voided == [number]
    assert "补打" in again.summary.text() and "作废" in again.summary.text()
    second = tmp_path / "补打.pdf"
    again.ask_save_path = lambda: second
    again.inform = lambda text: None
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(second.exists, timeout=10_000)
    assert "补打" in pdf_text(second) and "作废" in pdf_text(second)


def test_bad_amount_is_named_and_a_correction_is_a_new_payment(tab, qtbot, roster):
    panel = build_household(tab, qtbot, roster)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.page.detail is not None, timeout=5000)
    visit = panel.record_visit()
    visit.payment.amount.setText("12,3.4")
    qtbot.mouseClick(visit.save_button(), Qt.MouseButton.LeftButton)
    assert "金额格式错误" in visit.error.text() and visit.isVisible()
    visit.payment.amount.setText("2000")
    save(qtbot, visit)
    first = visit.result_row.payment.voucher_no

    payments = tab.payments
    qtbot.waitUntil(lambda: texts(payments.table) == [first], timeout=5000)
    payments.table.selectRow(0)
    dialog = payments.correct_payment()
    assert dialog.payment.amount.text() == "2000.00"
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "作废原因" in dialog.error.text()  # the service's message, the dialog stays open
    dialog.reason.setText("应为2500元")
    dialog.payment.amount.setText("2500")
    save(qtbot, dialog)
    second = dialog.result_row.voucher_no
    assert second != first
    qtbot.waitUntil(lambda: texts(payments.table) == [first, second], timeout=5000)
    assert texts(payments.table, PaymentsModel.COL_STATUS) == ["作废", "已发放"]
    qtbot.waitUntil(lambda: "¥2,500.00" in payments.totals_label.text(), timeout=5000)
