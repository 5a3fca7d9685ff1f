"""Table model for the rest-station list (a township has a handful: the list loads whole)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from union_desk.models.stations import StationRow, StationStatus

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

(COL_CODE, COL_NAME, COL_KIND, COL_STATUS, COL_AREA, COL_HOURS, COL_MANAGER, COL_PHONE,
 COL_MISSING, COL_LAST, COL_DUE) = range(11)
_WARN = QColor("#b00020")
_DIM = QColor("#777777")


class StationsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StationRow] = []
        self.as_of = date.today()
        self.headers = [
            self.tr("Code"), self.tr("Name"), self.tr("Built"), self.tr("Status"),
            self.tr("Area m²"), self.tr("Opening hours"), self.tr("Person in charge"),
            self.tr("Phone"), self.tr("Missing standard items"), self.tr("Last inspection"),
            self.tr("Next inspection due"),
        ]

    def set_rows(self, rows: list[StationRow], as_of: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.as_of = as_of or date.today()
        self.endResetModel()

    def rows(self) -> list[StationRow]:
        return list(self._rows)

    def row_at(self, row: int) -> StationRow:
        return self._rows[row]

    def index_of(self, station_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == station_id), -1)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def _text(self, r: StationRow, column: int) -> str:
        if column == COL_CODE:
            return r.code
        if column == COL_NAME:
            return r.name
        if column == COL_KIND:
            return r.kind.value
        if column == COL_STATUS:
            return r.status.value
        if column == COL_AREA:
            return str(r.area_m2)
        if column == COL_HOURS:
            return self.tr("24 hours") if r.is_24h else r.opening_hours
        if column == COL_MANAGER:
            return r.manager
        if column == COL_PHONE:
            return str(r.manager_phone)
        if column == COL_MISSING:
            return "、".join(r.missing_labels) or self.tr("Up to standard")
        if column == COL_LAST:
            if r.last_inspection_on is None:
                return self.tr("Not yet inspected")
            verdict = self.tr("passed") if r.last_inspection_passed else self.tr("failed")
            return f"{r.last_inspection_on:%Y-%m-%d} {verdict}"
        if column == COL_DUE:
            return f"{r.next_inspection_due:%Y-%m-%d}" if r.next_inspection_due else "—"
        return ""

    def _sort_value(self, r: StationRow, column: int):
        if column == COL_AREA:
            return float(r.area_m2)
        if column == COL_MISSING:
            return len(r.missing)
        if column == COL_DUE:
            return r.next_inspection_due.toordinal() if r.next_inspection_due else 10**7
        return self._text(r, column)

    def is_due(self, r: StationRow) -> bool:
        return r.next_inspection_due is not None and r.next_inspection_due <= self.as_of

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return self._sort_value(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.status == StationStatus.CLOSED:
                return QBrush(_DIM)
            if (column == COL_MISSING and r.missing) or (column == COL_DUE and self.is_due(r)):
                return QBrush(_WARN)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME and r.credit_warning:
            return self.tr("Host unit credit code: {0}").format(r.credit_warning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda r: self._sort_value(r, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
