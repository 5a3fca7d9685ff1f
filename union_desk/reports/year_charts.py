"""The overview's charts on paper: reportlab's own vector bar charts (reportlab.graphics), in the
embedded CJK font, on the same value axis as the screen (domain/chart_axis.py). Months go across;
categories with long names go down the side. A township without a package reads
"名称（未报送）" and has no bar, never a zero one."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from union_desk.domain.chart_axis import nice_axis
from union_desk.models.overview import Chart
from union_desk.reports.fonts import register_cjk_font

BAR = colors.HexColor("#4a7bb7")
ROW = 13.0         # points per category of a horizontal chart
TITLE_SIZE = 10.5
LABEL_SIZE = 7.5


def _values(chart: Chart) -> list[float | None]:
    scale = 100 if chart.money else 1
    return [None if b.value is None else b.value / scale for b in chart.bars]


def _labels(chart: Chart) -> list[str]:
    """Category names; a month chart with a second figure ("30笔") shows it under the month,
    as the title promises (the bar itself is too narrow for it)."""
    if not chart.horizontal and any(b.note and not b.missing for b in chart.bars):
        return [f"{b.label}\n{b.note}" if b.note and b.value else b.label for b in chart.bars]
    return [f"{b.label}（{b.note}）" if b.missing and b.note else b.label for b in chart.bars]


def _axis_label(value: float) -> str:
    return f"{value:,.0f}"


def _bar_labels(chart: Chart) -> list[str]:
    """Beside each bar its value, and the second figure ("30笔") when there is one; nothing on
    an empty month or a missing bar (month charts would be crowded by twelve zeros), but a
    category that is there with nothing reads 0 (a township that reported none is not one
    that did not report)."""
    texts = []
    for bar, value in zip(chart.bars, _values(chart)):
        if value is None or (not value and not chart.horizontal):
            texts.append("")
        elif bar.note and chart.horizontal:
            texts.append(f"{_axis_label(value)}（{bar.note}）")
        else:
            texts.append(_axis_label(value))
    return texts


def chart_height(chart: Chart) -> float:
    """Points the drawing needs at any width."""
    if chart.horizontal:
        return 34 + max(len(chart.bars), 1) * ROW + 14
    return 150.0


def chart_drawing(chart: Chart, width: float) -> Drawing:
    """A Drawing `width` × chart_height(chart) points: title, unit, axis and bars."""
    font = register_cjk_font()
    height = chart_height(chart)
    drawing = Drawing(width, height, initialFontName=font)  # no Helvetica, even unused
    drawing.add(String(0, height - TITLE_SIZE - 2, chart.title, fontName=font,
                       fontSize=TITLE_SIZE))
    drawing.add(String(width, height - TITLE_SIZE - 2, f"单位：{chart.unit}", fontName=font,
                       fontSize=LABEL_SIZE, textAnchor="end", fillColor=colors.grey))
    if not chart.bars:
        drawing.add(String(width / 2, height / 2 - 10, "本年无记录", fontName=font,
                           fontSize=LABEL_SIZE + 1, textAnchor="middle", fillColor=colors.grey))
        return drawing
    values = _values(chart)
    top, step = nice_axis(max((v for v in values if v is not None), default=0))
    labels, texts = _labels(chart), _bar_labels(chart)
    if chart.horizontal:
        label_w = min(max(len(text) for text in labels) * LABEL_SIZE + 8, width * 0.35)
        bars = HorizontalBarChart()
        bars.x, bars.y = label_w, 14
        bars.width, bars.height = width - label_w - 60, len(labels) * ROW
        # reportlab draws the first category at the bottom: reverse to read top-down
        values, labels, texts = values[::-1], labels[::-1], texts[::-1]
        bars.categoryAxis.labels.boxAnchor = "e"
        bars.categoryAxis.labels.dx = -6
        bars.valueAxis.labels.boxAnchor = "n"
        bars.barLabels.boxAnchor = "w"
        bars.barLabels.dx = 3
    else:
        bars = VerticalBarChart()
        below = 28 if any("\n" in label for label in labels) else 18
        bars.x, bars.y = 42, below
        bars.width, bars.height = width - 50, height - below - 30
        bars.categoryAxis.labels.boxAnchor = "n"
        bars.valueAxis.labels.boxAnchor = "e"
        bars.barLabels.boxAnchor = "s"
        bars.barLabels.dy = 2
    bars.data = [tuple(values)]
    bars.categoryAxis.categoryNames = labels
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, top, step
    bars.valueAxis.labelTextFormat = _axis_label
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    bars.bars[0].fillColor = BAR
    bars.bars[0].strokeColor = None
    bars.barLabelFormat, bars.barLabelArray = "values", [texts]
    for labels_of in (bars.categoryAxis.labels, bars.valueAxis.labels, bars.barLabels):
        labels_of.fontName = font
        labels_of.fontSize = LABEL_SIZE
    drawing.add(bars)
    return drawing
