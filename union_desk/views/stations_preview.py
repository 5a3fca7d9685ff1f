"""In-window preview of a station form (QtPdf), with Save as PDF and Print."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton,
                               QVBoxLayout)

from union_desk.views.ops import Ops


def write_file(path: Path, data: bytes) -> Path:
    """Write next to the target, then rename: a reader never sees half a PDF."""
    tmp = path.with_name(path.name + ".partial")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


class PdfPreviewDialog(QDialog):
    def __init__(self, ops: Ops, pdf: bytes, title: str, filename: str, parent=None):
        super().__init__(parent)
        self.ops, self.pdf, self.filename = ops, pdf, filename
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.resize(900, 760)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("printPdfButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    # -- dialogs (methods, so tests can replace them) ---------------------------------------------
    def ask_save_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.filename,
                                              self.tr("PDF (*.pdf)"))
        return Path(path) if path else None

    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = self.document.pagePointSize(0)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                   if size.width() > size.height()
                                   else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    # -- work ---------------------------------------------------------------------------------------
    def save_to(self, path: Path) -> None:
        data = self.pdf
        self.ops.read(lambda _s: write_file(path, data), parent=self) \
            .success(lambda p: self.inform(self.tr("Saved to {0}").format(p))).run()

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution, on white (QtPdf renders transparent)."""
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = painter.viewport()
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(page, size)
                sheet = QImage(size, QImage.Format.Format_RGB32)
                sheet.fill(Qt.GlobalColor.white)
                sheet_painter = QPainter(sheet)
                sheet_painter.drawImage(0, 0, image)
                sheet_painter.end()
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), sheet)
        finally:
            painter.end()

    # -- slots ----------------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        path = self.ask_save_path()
        if path is not None:
            self.save_to(path)

    def _on_print_button_clicked(self) -> None:
        printer = self.ask_printer()
        if printer is not None:
            self.print_to(printer)
