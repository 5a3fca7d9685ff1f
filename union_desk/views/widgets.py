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
