"""Sending vouchers to a printer (what the preview's Print does, off the GUI thread): page by
page on white, progress after each page, and a cancel that aborts the job."""
import io
from datetime import date

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from union_desk.reports.pdfcheck import pdf_page_count
from union_desk.reports.voucher import VoucherData, render_vouchers
from union_desk.services.errors import UserError
from union_desk.views.pdf_preview import render_to_printer


def voucher_pdf(count: int) -> bytes:
    vouchers = [VoucherData(
        township_union="大洋镇总工会", voucher_no=f"大洋镇-2021-{n:04d}", paid_on=date(2021, 2, 1),
        occasion="春节送温暖", recipient="张三", id_number="11010519491231002X", unit="大洋农机厂",
        category="深度困难", amount_fen=200_000, method="现金", handler="王晓燕", reviewer="李四",
        approver="赵主席") for n in range(1, count + 1)]
    buffer = io.BytesIO()
    render_vouchers(vouchers, buffer, layout="A4x2")
    return buffer.getvalue()


def io_device(data: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_every_page_goes_to_the_printer_on_white_with_progress(qapp, tmp_path):
    out = tmp_path / "printed.pdf"
    steps = []
    pages = render_to_printer(voucher_pdf(5), pdf_printer(out), lambda d, t: steps.append((d, t)),
                              lambda: False)
    assert pages == 3 and steps == [(1, 3), (2, 3), (3, 3)]
    assert pdf_page_count(out) == 3
    # QtPdf renders the voucher's blank margin transparent; what reaches the printer is white
    source, printed = QPdfDocument(), QPdfDocument()
    source.load(io_device(voucher_pdf(1)))
    printed.load(str(out))
    blank_margin = (30, 30)  # in a 595 × 842 rendering of the A4 page
    assert source.render(0, QSize(595, 842)).pixelColor(*blank_margin).alpha() == 0
    pixel = printed.render(0, QSize(595, 842)).pixelColor(*blank_margin)
    assert (pixel.red(), pixel.green(), pixel.blue(), pixel.alpha()) == (255, 255, 255, 255)


def test_cancelling_stops_sending_pages(qapp, tmp_path):
    out = tmp_path / "cancelled.pdf"
    steps, calls = [], []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # the clerk cancels while the first page prints

    with pytest.raises(UserError):
        render_to_printer(voucher_pdf(5), pdf_printer(out), lambda d, t: steps.append(d),
                          cancelled)
    assert steps == [1]
    assert not out.exists() or pdf_page_count(out) <= 1
