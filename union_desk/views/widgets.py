"""Small widget factories the panels and dialogs share."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget


def make_button(parent: QWidget, name: str, text: str, slot) -> QPushButton:
    """A named push button that calls slot() when clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def filter_combo(parent: QWidget, name: str, everything: str,
                 items: list[tuple[str, object]]) -> QComboBox:
    """A named filter: first `everything` (data None), then each (text, value)."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class FilterChip(QPushButton):
    """A filter set from elsewhere (the overview's click-through) that has no widget of its own in
    the list's bar: shown as "text ✕" while it applies; a click clears it and calls `on_clear`."""

    def __init__(self, parent: QWidget, name: str, on_clear):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFlat(True)
        self.setStyleSheet("QPushButton { background: #e8f0fe; border-radius: 9px;"
                           " padding: 2px 8px; }")
        self.hide()
        self.clicked.connect(lambda _checked=False: (self.show_filter(""), on_clear()))

    def show_filter(self, text: str) -> None:
        self.setText(f"{text}  ✕" if text else "")
        self.setToolTip(self.tr("Click to remove this filter") if text else "")
        self.setVisible(bool(text))
