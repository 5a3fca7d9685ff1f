"""Opening a voucher preview counts nothing; its first print counts each voucher once, so the
next preview of it says 补打; saving it as a PDF, or closing it unprinted, leaves the next one
original."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from hardship_gui_helpers import roster, tab  # noqa: F401
from union_desk.models.payment import PaymentCreate
from union_desk.reports.pdfcheck import pdf_page_count, pdf_text
from union_desk.services.hardship.payments import get_payment, record_payment


@pytest.fixture
def numbers(db, roster):  # noqa: F811
    with db.session(write=True) as s:
        return [record_payment(s, data=PaymentCreate(
            member_id=roster[name].id, occasion="春节送温暖", amount_fen=amount,
            paid_on=date(2021, 2, 5), reviewer="李审核", approver="赵主席")).voucher_no
            for name, amount in (("张三", 140_950), ("李四", 200_000))]


def counts(db, numbers) -> list[int]:
    with db.session() as s:
        return [get_payment(s, voucher_no=n).printed_count for n in numbers]


def open_preview(tab, qtbot, numbers):  # noqa: F811
    with qtbot.waitSignal(tab.printing.preview_opened, timeout=20_000):
        tab.payments.print_numbers(numbers, signoff=False)
    return tab.printing.last_preview


def print_it(qtbot, preview, path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    preview.ask_printer = lambda: printer
    with qtbot.waitSignal(preview.printed, timeout=30_000):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)


def save_it(qtbot, preview, path) -> None:
    preview.ask_save_path = lambda: path
    preview.inform = lambda text: None
    with qtbot.waitSignal(preview.saved, timeout=10_000):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)


def test_closing_the_preview_counts_nothing(tab, qtbot, db, numbers, tmp_path):  # noqa: F811
    preview = open_preview(tab, qtbot, numbers)
    assert preview.result.reprinted == [] and "补打" not in pdf_text(preview.pdf)
    assert "counted as printed once printed (saving a PDF does not count)" in \
        preview.summary.text()
    preview.reject()
    tab.ops.wait()
    assert counts(db, numbers) == [0, 0]

    # The next preview is still the original, and so is what its first print sends
    again = open_preview(tab, qtbot, numbers)
    assert again.result.reprinted == [] and "补打" not in pdf_text(again.pdf)
    with qtbot.waitSignal(again.recorded, timeout=10_000) as recorded:
        print_it(qtbot, again, tmp_path / "printer.pdf")
    assert recorded.args == [2] and counts(db, numbers) == [1, 1]
    assert pdf_page_count(tmp_path / "printer.pdf") == 1


def test_printing_counts_once_and_the_next_preview_says_reprint(tab, qtbot, db, numbers,  # noqa: F811
                                                                tmp_path):
    preview = open_preview(tab, qtbot, numbers[:1])
    with qtbot.waitSignal(preview.recorded, timeout=10_000):
        print_it(qtbot, preview, tmp_path / "printer.pdf")
    assert counts(db, numbers) == [1, 0]
    assert "counted as printed" in preview.summary.text()
    assert "once printed" not in preview.summary.text()

    # Printing the same preview again, or saving it, is the same rendering: counted once, and
    # the saved file carries the marks it was made with
    print_it(qtbot, preview, tmp_path / "printer-again.pdf")
    saved = tmp_path / "凭证.pdf"
    save_it(qtbot, preview, saved)
    tab.ops.wait()
    assert counts(db, numbers) == [1, 0] and "补打" not in pdf_text(saved)
    preview.reject()

    # The next preview of it is marked 补打 (the other voucher, never printed, is not)
    again = open_preview(tab, qtbot, numbers)
    assert again.result.reprinted == numbers[:1] and "补打" in again.summary.text()
    assert pdf_text(again.pdf).count("补打") == 1
    with qtbot.waitSignal(again.recorded, timeout=10_000):
        print_it(qtbot, again, tmp_path / "补打.pdf")  # the printer gets page images
    assert counts(db, numbers) == [2, 1]


def test_saving_the_preview_as_pdf_does_not_make_the_first_print_a_reprint(  # noqa: F811
        tab, qtbot, db, numbers, tmp_path):
    # Given a preview saved as a PDF (to keep, or to send), never printed
    preview = open_preview(tab, qtbot, numbers)
    save_it(qtbot, preview, tmp_path / "存档.pdf")
    tab.ops.wait()
    assert counts(db, numbers) == [0, 0] and "补打" not in pdf_text(tmp_path / "存档.pdf")
    assert "saving a PDF does not count" in preview.summary.text()
    preview.reject()
    # Then the next preview is the original, and its first real print is not stamped 补打
    again = open_preview(tab, qtbot, numbers)
    assert again.result.reprinted == []
    with qtbot.waitSignal(again.recorded, timeout=10_000):
        print_it(qtbot, again, tmp_path / "printer.pdf")
    assert counts(db, numbers) == [1, 1] and "补打" not in pdf_text(again.pdf)


def test_printing_a_signoff_sheet_counts_no_voucher(tab, qtbot, db, numbers,  # noqa: F811
                                                    tmp_path):
    with qtbot.waitSignal(tab.printing.preview_opened, timeout=20_000):
        tab.payments.print_signoff()
    sheet = tab.printing.last_preview
    assert sheet.result.signoff_lines == 2 and sheet.result.vouchers == []
    print_it(qtbot, sheet, tmp_path / "sheet.pdf")
    save_it(qtbot, sheet, tmp_path / "签收表.pdf")
    tab.ops.wait()
    assert counts(db, numbers) == [0, 0]


def test_the_voucher_layout_is_chosen_in_the_tab_and_kept(tab, qtbot, db, numbers):  # noqa: F811
    from union_desk.services.hardship.vouchers import voucher_layout

    combo = tab.payments.layout_combo
    qtbot.waitUntil(lambda: combo.currentData() == "A4x2", timeout=5000)
    assert open_preview(tab, qtbot, numbers).document.pageCount() == 1  # two on one A4 page
    combo.setCurrentIndex(combo.findData("A5"))
    tab.ops.wait()
    with db.session() as s:
        assert voucher_layout(s) == "A5"
    assert open_preview(tab, qtbot, numbers).document.pageCount() == 2  # one per A5 page
