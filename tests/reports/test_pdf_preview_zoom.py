"""The print preview can zoom: in, out, and back to the whole page, by button or key."""
import io

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QPushButton

from union_desk.reports.signoff import SignoffData, SignoffLine, render_signoff
from union_desk.views.ops import Ops
from union_desk.views.pdf_preview import PdfPreviewDialog


def test_the_preview_zooms_in_and_out_and_back_to_the_whole_page(db, qtbot):
    out = io.BytesIO()
    render_signoff(SignoffData("大洋镇总工会", "春节送温暖慰问金发放签收表", "春节送温暖", "2021年1月15日",
                               [SignoffLine("张三", "11010519491231002X", "大洋镇中心小学", 100_000,
                                            "大洋镇-2021-0001")], "王晓燕", "李明", "陈志强"), out)
    ops = Ops(db)
    dialog = PdfPreviewDialog(ops, out.getvalue(), "签收表", "签收表.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    view = dialog.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.findChild(QPushButton, "zoomInButton").click()
    first = view.zoomFactor()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and dialog.zoom_label.text().endswith("%")
    qtbot.keyClick(dialog, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() > first
    dialog.findChild(QPushButton, "zoomOutButton").click()
    dialog.findChild(QPushButton, "zoomOutButton").click()
    assert view.zoomFactor() < first
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.reject()
    ops.wait()
