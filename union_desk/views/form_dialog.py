"""A dialog whose Save runs a write op and stays open, with the clerk's message, if it fails;
and the base of every form dialog: Esc, 取消 or the window's close button on a form with
changes asks before the changes are thrown away."""
from __future__ import annotations

from typing import Any, Callable

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QVBoxLayout, QWidget)

from union_desk.services.accounts.reveals import EditFormReveal, edit_form_reveal
from union_desk.services.changes import Change
from union_desk.views.ops import Ops, error_text
from union_desk.views.reveal import ask_reveal_reason


_UNSET = object()


class GuardedDialog(QDialog):
    """A dialog that asks before throwing away what the clerk typed. The form's state is
    `form_state()` when the dialog is first shown (or when `mark_clean()` is called, e.g. after
    filling the fields from a read); closing it any way but `accept()` with another state asks
    `confirm_discard()` first."""

    _clean: Any = _UNSET

    def form_state(self) -> Any:
        """What the clerk has entered, comparable with ==."""
        raise NotImplementedError

    def _state(self) -> Any:
        try:
            return ("ok", self.form_state())
        except Exception as err:  # noqa: BLE001 - a half-typed form: its text is its state
            return ("error", type(err).__name__, str(err))

    def mark_clean(self) -> None:
        self._clean = self._state()

    def has_changes(self) -> bool:
        return self._clean is not _UNSET and self._state() != self._clean

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._clean is _UNSET:
            self.mark_clean()

    def reject(self) -> None:
        if self.has_changes() and not self.confirm_discard():
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.isVisible() and self.has_changes() and not self.confirm_discard():
            event.ignore()
            return
        self._clean = _UNSET  # asked once: the reject() that follows does not ask again
        super().closeEvent(event)

    def confirm_discard(self) -> bool:
        """Ask before discarding (a method, so tests can replace it)."""
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Discard the changes you made in this form?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard


class FormDialog(GuardedDialog):
    """Subclasses fill `self.form` and implement `payload()`; `save` is the write to run.

    An edit form shows the record's personal numbers (ID number, phones, bank account), which
    the rows it is opened with carry masked: `fill_in_full` asks how this account opens edit
    forms (services/accounts/reveals.py). With one account it fetches them in full through the
    area's audited reveal service and allows Save once they are in (`ready`, `filled`), as
    before accounts existed. With several, the form opens with the masked numbers: left as they
    are, Save keeps the stored ones; typed over, it replaces them; a 审核人 or 负责人 may show
    them in full (`reveal_button`, asking a reason for the audit log)."""

    filled = Signal()

    def __init__(self, ops: Ops, title: str, save: Callable[[Any, Any], Any], changes: set[Change],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self._save, self._changes = ops, save, changes
        self.result_row: Any = None
        self.ready = True  # False while the full numbers of an edit form are on their way
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("dialogButtons")
        self.reveal_button = self.buttons.addButton(self.tr("Show full numbers…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.hide()
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.masked_note = QLabel(self.tr(
            "Personal numbers are shown masked. Leave them as they are to keep them, or type a "
            "new number to replace one."), self)
        self.masked_note.setObjectName("maskedNote")
        self.masked_note.setWordWrap(True)
        self.masked_note.hide()
        self._reveal_in_full: Callable[[Any, str], Any] | None = None
        self._fill_in: Callable[[Any], None] | None = None
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.masked_note)
        self.layout_.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}

    def add_row(self, label: str, widget: QWidget, field: str | None = None,
                form: QFormLayout | None = None) -> QWidget:
        """A labelled row of the dialog's form (or of `form`, e.g. inside a group box); with a
        `field`, the service's errors about that field point at this widget."""
        (form or self.form).addRow(label, widget)
        if field:
            self.register_field(field, widget, label)
        return widget

    def add_line(self, object_name: str, label: str, field: str) -> QLineEdit:
        """A named one-line text row for `field`."""
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        self.add_row(label, edit, field)
        return edit

    def register_field(self, field: str, widget: QWidget, label: str = "") -> None:
        """Errors about `field` focus `widget` and name it by `label`."""
        self._fields[field] = widget
        if label:
            self._labels[field] = label

    def payload(self) -> Any:
        raise NotImplementedError

    def fill_in_full(self, reveal: Callable[[Any, str], Any], fill: Callable[[Any], None],
                     masked: Any) -> None:
        """Fill the personal numbers: `fill(reveal(session, reason))` in full (a service that
        audits what it reveals: a write op), or `fill(masked)` (same shape, masked) when this
        account opens edit forms masked. Save waits for either."""
        self.ready = False
        self.save_button().setEnabled(False)
        self._reveal_in_full, self._fill_in = reveal, fill
        self.ops.read(edit_form_reveal, parent=self) \
            .success(lambda how: self._open_numbers(how, masked)) \
            .failure(lambda err: self.show_error(error_text(err))).run()

    def _open_numbers(self, how: EditFormReveal, masked: Any) -> None:
        if how.full:
            self._run_reveal("")
            return
        self.masked_note.show()
        self.reveal_button.setVisible(how.may_reveal)
        self._filled_in_full(masked)

    def _run_reveal(self, reason: str) -> None:
        reveal = self._reveal_in_full
        self.ops.read(lambda s: reveal(s, reason), parent=self, audited=True) \
            .success(self._filled_in_full) \
            .failure(lambda err: self.show_error(error_text(err))).run()

    def _filled_in_full(self, numbers: Any) -> None:
        untouched = not self.has_changes()
        self._fill_in(numbers)
        if untouched:
            self.mark_clean()  # the numbers just filled in are not the clerk's changes
        self.ready = True
        self.save_button().setEnabled(True)
        self.filled.emit()

    def form_state(self) -> Any:
        return self.payload()

    def ask_reveal_reason(self) -> str | None:
        return ask_reveal_reason(self, self.windowTitle())

    def _on_reveal_button_clicked(self) -> None:
        reason = self.ask_reveal_reason()
        if reason is None:
            return
        self.reveal_button.hide()
        self.masked_note.hide()
        self.error.clear()
        self._run_reveal(reason)

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _on_buttons_accepted(self) -> None:
        try:
            payload = self.payload()
        except ValidationError as err:  # e.g. a field far longer than the column allows
            field = str(err.errors()[0]["loc"][0]) if err.errors() else ""
            self.show_error(self.tr("{0}: this value is not valid (too long or malformed)")
                            .format(self._labels.get(field, field)), field)
            return
        self.error.clear()
        self.save_button().setEnabled(False)
        self.ops.write(lambda s: self._save(s, payload), changes=self._changes, parent=self) \
            .success(self._saved).failure(self._failed).run()

    def _saved(self, row: Any) -> None:
        self.result_row = row
        self.save_button().setEnabled(True)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self.save_button().setEnabled(True)
        self.show_error(error_text(err), getattr(err, "field", None))

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error.setText(text)
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()
