"""Small widget factories the panels and dialogs share."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget


def make_button(parent: QWidget, name: str, text: str, slot) -> QPushButton:
    """A named push button that calls slot() when clicked. A slot marked
    `panel.changes_records` gets a button that stays disabled at a city database."""
    from union_desk.views.panel import changes_records_of, keep_disabled

    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    if changes_records_of(slot):
        keep_disabled(button)
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
