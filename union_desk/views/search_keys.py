"""The keyboard between a search box and its list, the same on every tab: Down from the search
box enters the results (on their first row), Enter in the results opens the chosen record, Esc
in the search box clears the search."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchKeys(QObject):
    def __init__(self, search: QLineEdit, results: QAbstractItemView,
                 open_record: Callable[[], Any] | None = None):
        super().__init__(search)
        self.search, self.results, self.open_record = search, results, open_record
        search.installEventFilter(self)
        results.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down:
                return self._enter_results()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.results and key in _ENTER and self.open_record is not None \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.results.currentIndex().isValid():
                self.open_record()
                return True
        return False

    def _enter_results(self) -> bool:
        model = self.results.model()
        if model is None or model.rowCount() == 0:
            return False
        self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.results.selectionModel().selectedRows():
            self.results.selectRow(0)
        return True
