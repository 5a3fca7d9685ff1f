"""A tab widget whose pages are built the first time they are needed (issue 13, start-up): the
window opens with the first tab's panel only; another tab's panel — and the modules behind it —
is made when the clerk selects it (click, Ctrl+Tab, 转到 Ctrl+1…, the overview's click-through)
or when code asks `tabs.widget(i)` for it.

    tabs = LazyTabWidget(parent)
    tabs.add_lazy(lambda: RosterTab(ops, window), "rosterTab", title)
    tabs.built.connect(lambda panel: ...)     # each panel once, when made

Until then the page is a placeholder named like the panel (`objectName`), so code that looks a
tab up by name finds it; `widget(i)` and selecting the page build it and put the panel in its
place, after which the tab widget holds the real panel as any QTabWidget would.

While the database is not open yet (the window's frame shown at start-up, app.Session.open_fast)
the widget is `held`: nothing is built, a placeholder may show something of its own (the
roster's first page, `placeholder(i).layout()`), and `release()` builds the current tab.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class _Placeholder(QWidget):
    def __init__(self, make: Callable[[], QWidget], name: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(name)
        self.make = make


class LazyTabWidget(QTabWidget):
    built = Signal(QWidget)  # a panel just made (once per tab)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._building = False
        self.held = False
        self.currentChanged.connect(self._on_current_changed)

    def add_lazy(self, make: Callable[[], QWidget], name: str, title: str) -> int:
        """A tab whose panel `make()` returns when first needed; `name` is its objectName."""
        return self.addTab(_Placeholder(make, name, self), title)

    def is_built(self, index: int) -> bool:
        return not isinstance(super().widget(index), _Placeholder)

    def index_of(self, name: str) -> int:
        """The index of the tab whose panel is named `name` (-1: none), building nothing."""
        return next((i for i in range(self.count()) if super(LazyTabWidget, self).widget(i)
                     .objectName() == name), -1)

    def build_all(self) -> None:
        """Every tab's panel now (tools and tests that look at every tab's widgets)."""
        for index in range(self.count()):
            self.widget(index)

    def placeholder(self, index: int) -> QWidget | None:
        """The page standing in for a panel not built yet (None once built)."""
        page = super().widget(index)
        return page if isinstance(page, _Placeholder) else None

    def release(self) -> None:
        """The database is open: build the tab shown, and the others when needed."""
        self.held = False
        if self.currentIndex() >= 0:
            self.widget(self.currentIndex())

    def widget(self, index: int) -> QWidget | None:  # noqa: D401 - QTabWidget API
        """The panel at `index`, built now if it was not yet (while held: the placeholder)."""
        page = super().widget(index)
        if isinstance(page, _Placeholder) and not self.held:
            return self._build(index, page)
        return page

    def _build(self, index: int, placeholder: _Placeholder) -> QWidget:
        if self._building:  # a panel that asks for itself while being made
            raise RuntimeError(f"tab {placeholder.objectName()} asked for while being built")
        self._building = True
        try:
            panel = placeholder.make()
        finally:
            self._building = False
        if super().widget(index) is placeholder:  # (make() may have put it in place itself)
            self.put(index, panel)
        return panel

    def put(self, index: int, panel: QWidget) -> None:
        """`panel` in place of the placeholder at `index`."""
        placeholder = super().widget(index)
        current = self.currentIndex()
        title, tip = self.tabText(index), self.tabToolTip(index)
        self.blockSignals(True)  # the page is replaced, not a new tab chosen
        try:
            self.removeTab(index)
            self.insertTab(index, panel, title)
            self.setTabToolTip(index, tip)
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(False)
        placeholder.setObjectName("")  # (gone for findChild before it is deleted)
        placeholder.setParent(None)
        placeholder.deleteLater()
        self.built.emit(panel)

    def _on_current_changed(self, index: int) -> None:
        if index >= 0:
            self.widget(index)
