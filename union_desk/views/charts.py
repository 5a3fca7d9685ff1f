"""A bar chart drawn with QPainter from a `models.overview.Chart`, on the same value axis the
printed report uses (domain/chart_axis.py). Months go across (vertical bars); categories with
long names go down the side (horizontal bars). A bar with a link is clickable — by mouse, or
with the arrow keys and Enter once the chart has the focus — and says so with its cursor and
tooltip. A township without a package is written 未报送 where its bar would be, never drawn as
zero. (Why not QtCharts: DEVELOPING.md, "The overview's charts".)"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from union_desk.domain.chart_axis import nice_axis, ticks
from union_desk.models.overview import Chart

BAR = QColor("#4a7bb7")
BAR_ACTIVE = QColor("#1f4e8c")
GRID = QColor("#dddddd")
MUTED = QColor("#8a8a8a")
ROW_H = 22  # horizontal bars: one row per category


def _axis_text(value: float) -> str:
    return f"{value:,.0f}" if value >= 1 or value == 0 else f"{value:g}"


class BarChart(QWidget):
    bar_activated = Signal(int)  # the index of a bar with a link, clicked or chosen with Enter

    def __init__(self, parent: QWidget | None, name: str, title: str = ""):
        super().__init__(parent)
        self.setObjectName(name)
        self.chart: Chart | None = None
        self.title = title
        self.current = -1  # the bar under the mouse or chosen with the keys
        self._rects: list[QRectF] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # -- data ------------------------------------------------------------------------------------
    def set_chart(self, chart: Chart, title: str | None = None) -> None:
        self.chart = chart
        self.title = title or chart.title
        self.current = -1
        self.setAccessibleName(self.title)
        self.updateGeometry()
        self.update()

    def scaled(self, value: int) -> float:
        """What the axis counts: yuan for money (values are fen), else the value."""
        return value / 100 if self.chart is not None and self.chart.money else float(value)

    def bar_text(self, index: int) -> str:
        bar = self.chart.bars[index]
        if bar.missing or bar.value is None:
            return f"{bar.label}：{bar.note}" if bar.note else bar.label
        text = f"{bar.label}：{self.chart.value_text(bar.value)} {self.chart.unit}"
        return f"{text}（{bar.note}）" if bar.note else text

    # -- size ------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rows = len(self.chart.bars) if self.chart is not None else 0
        line = QFontMetricsF(self.font()).height()
        if self.chart is not None and self.chart.horizontal:
            return QSize(440, int(line * 2 + 16 + max(rows, 1) * ROW_H + line))
        return QSize(440, int(line * 4 + 170))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(300, self.sizeHint().height())

    # -- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetricsF(self.font())
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(6, 4, self.width() - 12, metrics.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        self._rects = []
        if self.chart is None:
            return
        top_y = metrics.height() + 12
        if not self.chart.bars:
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, top_y, self.width(), self.height() - top_y),
                             Qt.AlignmentFlag.AlignCenter, self.tr("Nothing recorded this year"))
            return
        values = [self.scaled(b.value) for b in self.chart.bars if b.value is not None]
        top, step = nice_axis(max(values, default=0))
        if self.chart.horizontal:
            self._paint_horizontal(painter, metrics, top_y, top, step)
        else:
            self._paint_vertical(painter, metrics, top_y, top, step)
        if self.hasFocus() and 0 <= self.current < len(self._rects):
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rects[self.current].adjusted(-2, -2, 2, 2))

    def _paint_vertical(self, painter, metrics, top_y, top, step) -> None:
        axis_w = max(metrics.horizontalAdvance(_axis_text(t)) for t in ticks(top, step)) + 8
        counted = any(b.note and b.value for b in self.chart.bars)  # "30笔" under the month
        plot = QRectF(axis_w + 6, top_y + metrics.height(), self.width() - axis_w - 14,
                      self.height() - top_y - (3.5 if counted else 2.5) * metrics.height() - 6)
        self._grid(painter, metrics, plot, top, step, vertical=True)
        slot = plot.width() / len(self.chart.bars)
        for i, bar in enumerate(self.chart.bars):
            x = plot.left() + i * slot
            painter.setPen(self.palette().text().color())
            label = f"{bar.label}\n{bar.note}" if counted and bar.note and bar.value else bar.label
            painter.drawText(QRectF(x, plot.bottom() + 2, slot, 2 * metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            height = 0.0 if bar.value is None else plot.height() * self.scaled(bar.value) / top
            rect = QRectF(x + slot * 0.18, plot.bottom() - height, slot * 0.64, height)
            self._rects.append(rect.adjusted(0, -metrics.height(), 0, 0) if height < 4 else rect)
            if bar.value is None:
                continue
            self._bar(painter, i, rect)
            text = _axis_text(self.scaled(bar.value))  # measured as drawn (58,000 fits a
            if bar.value and metrics.horizontalAdvance(text) < slot + 6:  # slot 58000.00 not)
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(x - 3, rect.top() - metrics.height(), slot + 6,
                                        metrics.height()), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_horizontal(self, painter, metrics, top_y, top, step) -> None:
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.chart.bars) + 10,
                      self.width() * 0.35)
        value_w = max(metrics.horizontalAdvance(self._end_text(b)) for b in self.chart.bars) + 10
        plot = QRectF(label_w + 6, top_y + 4, self.width() - label_w - value_w - 14,
                      len(self.chart.bars) * ROW_H)
        self._grid(painter, metrics, plot, top, step, vertical=False)
        for i, bar in enumerate(self.chart.bars):
            y = plot.top() + i * ROW_H
            painter.setPen(MUTED if bar.missing else self.palette().text().color())
            painter.drawText(QRectF(0, y, label_w, ROW_H),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 6))
            width = 0.0 if bar.value is None else plot.width() * self.scaled(bar.value) / top
            rect = QRectF(plot.left(), y + 4, width, ROW_H - 8)
            self._rects.append(QRectF(0, y, plot.left() + max(width, 1), ROW_H))
            if bar.value is not None:
                self._bar(painter, i, rect)
            end = self._end_text(bar)
            if end:
                painter.setPen(MUTED if bar.missing else self.palette().text().color())
                painter.drawText(QRectF(rect.right() + 4, y, value_w + 40, ROW_H),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, end)

    def _end_text(self, bar) -> str:
        if bar.missing or bar.value is None:
            return bar.note
        value = _axis_text(self.scaled(bar.value))  # as the month bars and the paper show it
        return f"{value}（{bar.note}）" if bar.note else value

    def _grid(self, painter, metrics, plot: QRectF, top: float, step: float, vertical: bool) -> None:
        painter.setPen(QPen(GRID, 1))
        for t in ticks(top, step):
            painter.setPen(QPen(GRID, 1))
            if vertical:
                y = plot.bottom() - plot.height() * t / top
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(MUTED)
                painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 _axis_text(t))
            else:
                x = plot.left() + plot.width() * t / top
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(MUTED)
                painter.drawText(QRectF(x - 40, plot.bottom() + 2, 80, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, _axis_text(t))
        unit = self.tr("Unit: {0}").format(self.chart.unit)
        painter.setPen(MUTED)
        painter.drawText(QRectF(0, plot.top() - metrics.height() - 2, self.width() - 8,
                                metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, unit)

    def _bar(self, painter: QPainter, index: int, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR_ACTIVE if index == self.current else BAR)
        painter.drawRect(rect)

    # -- mouse and keys ----------------------------------------------------------------------
    def bar_at(self, point) -> int:
        return next((i for i, r in enumerate(self._rects) if r.contains(QPointF(point))), -1)

    def _clickable(self, index: int) -> bool:
        return self.chart is not None and 0 <= index < len(self.chart.bars) and \
            self.chart.bars[index].link is not None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.bar_at(event.position())
        if index != self.current:
            self.current = index
            self.update()
        self.setCursor(Qt.CursorShape.PointingHandCursor if self._clickable(index)
                       else Qt.CursorShape.ArrowCursor)
        if index >= 0:
            hint = self.tr("click to open the list")
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{self.bar_text(index)}\n{hint}" if self._clickable(index)
                              else self.bar_text(index), self)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            self.current = -1
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and self._clickable(index):
            self.activate(index)
        else:
            super().mousePressEvent(event)

    def activate(self, index: int) -> None:
        if self._clickable(index):
            self.bar_activated.emit(index)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        count = len(self.chart.bars) if self.chart is not None else 0
        key = event.key()
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        if count and key in (*forward, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in forward else -1
            self.current = (self.current + step) % count if self.current >= 0 else 0
            self.setToolTip(self.bar_text(self.current))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.activate(self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.current < 0 and self.chart is not None and self.chart.bars:
            self.current = 0
        self.update()
        super().focusInEvent(event)
