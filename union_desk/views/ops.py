"""The one runner views use to call services off the GUI thread.

    self.ops.write(lambda s: members.add_member(s, data=data), changes={"members"}) \
        .success(self._on_saved).failure(self._on_failed).run()

A write runs in a single-thread pool (SQLite has one writer) inside `db.session(write=True)`;
a read runs in another pool inside `db.session()`. Results come back on the GUI thread by
signal. `.with_progress(label)` passes `progress(done, total)` and `cancelled()` to the function
and shows a cancellable progress dialog if the work lasts over ~0.5 s. After a write succeeds the
runner emits `changed(set_of_names)` so each tab can decide whether to refresh.
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """One op's GUI-side end. It lives in the GUI thread (its parent is the Ops); the worker only
    emits its signals, so every slot below runs on the GUI thread, queued, and the bridge is
    deleted there too (deleteLater) once the op has finished. Never a Python callable connected
    directly to a worker's signal: that would run widget code on the worker thread."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, ops: "Ops", op: "Op", dialog: QProgressDialog | None):
        super().__init__(ops)
        self._ops, self._op, self._dialog = ops, op, dialog
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progressed)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(done)

    @Slot(object)
    def _on_done(self, result) -> None:
        self._finish()
        if self._op._changes:
            self._ops.changed.emit(self._op._changes)
        if self._op._on_success is not None:
            self._op._on_success(result)

    @Slot(object)
    def _on_failed(self, err) -> None:
        self._finish()
        (self._op._on_failure or (lambda e: show_error(self._op._parent, e)))(err)

    def _finish(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        self._ops._live.discard(self)
        self._ops.busy_changed.emit(bool(self._ops._live))
        self.deleteLater()


class _Task(QRunnable):
    def __init__(self, call: Callable[[], Any], bridge: _Bridge):
        super().__init__()
        self._call, self._bridge = call, bridge

    def run(self) -> None:
        try:
            result = self._call()
        except BaseException as err:  # noqa: BLE001 - everything goes back to the GUI thread
            err.__traceback_text__ = traceback.format_exc()
            self._bridge.failed.emit(err)
        else:
            self._bridge.done.emit(result)


class Op:
    def __init__(self, ops: "Ops", fn: Callable, write: bool, changes: set[str]):
        self._ops, self._fn, self._write, self._changes = ops, fn, write, changes
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._parent: QWidget | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self._on_failure = callback
        return self

    def with_progress(self, label: str, parent: QWidget | None = None) -> "Op":
        self._progress_label, self._parent = label, parent
        return self

    def run(self) -> None:
        self._ops._start(self)


class Ops(QObject):
    """Owns the worker pools for one open database."""

    changed = Signal(set)
    busy_changed = Signal(bool)

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._live: set[_Bridge] = set()

    def read(self, fn: Callable, *, parent: QWidget | None = None) -> Op:
        op = Op(self, fn, write=False, changes=set())
        op._parent = parent
        return op

    def write(self, fn: Callable, *, changes: set[str], parent: QWidget | None = None) -> Op:
        op = Op(self, fn, write=True, changes=set(changes))
        op._parent = parent
        return op

    def wait(self, msecs: int = 30_000) -> None:
        """Block until both pools are idle (tests' teardown, application exit)."""
        self._writes.waitForDone(msecs)
        self._reads.waitForDone(msecs)

    # -- internals --------------------------------------------------------------------------
    def _start(self, op: Op) -> None:
        cancel = threading.Event()
        dialog = None
        if op._progress_label is not None:
            dialog = QProgressDialog(op._progress_label, self.tr("Cancel"), 0, 0, op._parent)
            dialog.setObjectName("progressDialog")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            dialog.canceled.connect(cancel.set)
        bridge = _Bridge(self, op, dialog)
        self._live.add(bridge)
        progressed = bridge.progressed

        def call():
            with self.db.session(write=op._write) as session:
                if op._progress_label is None:
                    return op._fn(session)
                return op._fn(session, progress=progressed.emit, cancelled=cancel.is_set)

        self.busy_changed.emit(True)
        (self._writes if op._write else self._reads).start(_Task(call, bridge))


def error_text(err: BaseException) -> str:
    """The clerk's message for a failure: UserError text as is, anything else named plainly."""
    from union_desk.services.errors import UserError

    if isinstance(err, UserError):
        return str(err)
    log.error("operation failed:\n%s", getattr(err, "__traceback_text__", repr(err)))
    return QCoreApplication.translate(
        "ops", "The operation did not complete; nothing was changed.\nReason: {0}").format(
        f"{type(err).__name__}: {err}")


def show_error(parent: QWidget | None, err: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("ops", "Could not complete"),
                        error_text(err))
