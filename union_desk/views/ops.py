"""The one runner views use to call services off the GUI thread.

    self.ops.write(lambda s: members.add_member(s, data=data), changes={Change.MEMBERS}) \
        .success(self._on_saved).failure(self._on_failed).run()

A write runs on a single worker thread (SQLite has one writer) inside `db.session(write=True)`;
reads run on two other threads inside `db.session()`. Results come back on the GUI thread by
signal. `.with_progress(label)` passes `progress(done, total)` and `cancelled()` to the function
and shows a cancellable progress dialog if the work lasts over ~0.5 s. After a write succeeds the
runner emits `changed(set_of_Change)` (services/changes.py) so each tab can decide whether to
refresh.
"""
from __future__ import annotations

from pathlib import Path

import itertools
import logging
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from union_desk.services.changes import Change, changes as checked_changes

log = logging.getLogger(__name__)


class Op:
    def __init__(self, ops: "Ops", fn: Callable, write: bool, changes: frozenset[Change]):
        self._ops, self._fn, self._write, self._changes = ops, fn, write, changes
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._parent: QWidget | None = None
        self._latest: object | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self._on_failure = callback
        return self

    def with_progress(self, label: str, parent: QWidget | None = None) -> "Op":
        self._progress_label, self._parent = label, parent
        return self

    def latest(self, tag: object) -> "Op":
        """Only the newest op started with this tag reports back: reads run on two threads and
        may finish out of order, so an older answer must not overwrite a newer one."""
        self._latest = tag
        return self

    def run(self) -> None:
        self._ops._start(self)


@dataclass
class _Running:
    op: Op
    dialog: QProgressDialog | None
    future: Future | None = None


class Ops(QObject):
    """Owns the worker threads for one open database.

    Workers are plain Python threads (concurrent.futures). They only emit this object's private
    signals, with the op's number; this object lives in the GUI thread, so the slots run there,
    queued. No Qt object is made, touched or released on a worker thread."""

    changed = Signal(set)
    busy_changed = Signal(bool)
    _done = Signal(int, object)
    _failed = Signal(int, object)
    _progressed = Signal(int, int, int)

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db  # private: views reach the file only through services run here
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-write")
        self._reads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="db-read")
        self._running: dict[int, _Running] = {}
        self._numbers = itertools.count(1)
        self._newest: dict[object, int] = {}  # tag → number of the newest op with it
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._progressed.connect(self._on_progressed)

    @property
    def context(self):
        """Who works here (township, clerk, city office or not), as read when the file opened:
        plain facts the window is built from; the Database itself stays private."""
        return self._db.context

    @property
    def file_path(self) -> Path | None:
        """The database file's path (None for a server database): a fact for the backup views,
        which hand it to the backup services; the Database itself stays private."""
        return None if getattr(self._db, "is_server", False) else self._db.path

    def read(self, fn: Callable, *, parent: QWidget | None = None, audited: bool = False) -> Op:
        """A read. `audited`: it writes an audit entry — it reveals full personal numbers
        (models/personal.py) — so it runs in the write transaction, announcing no change."""
        op = Op(self, fn, write=audited, changes=frozenset())
        op._parent = parent
        return op

    def write(self, fn: Callable, *, changes: Iterable[Change],
              parent: QWidget | None = None) -> Op:
        """`changes`: what the write may change, announced after it succeeds (may be empty)."""
        op = Op(self, fn, write=True, changes=checked_changes(changes))
        op._parent = parent
        return op

    def wait(self, msecs: int = 30_000) -> None:
        """Block until every started op has run (tests' teardown, application exit)."""
        futures = [r.future for r in self._running.values() if r.future is not None]
        futures_wait(futures, timeout=msecs / 1000)

    # -- internals --------------------------------------------------------------------------
    def _start(self, op: Op) -> None:
        number = next(self._numbers)
        if op._latest is not None:
            self._newest[op._latest] = number
        cancel = threading.Event()
        dialog = None
        if op._progress_label is not None:
            dialog = QProgressDialog(op._progress_label, self.tr("Cancel"), 0, 0, op._parent)
            dialog.setObjectName("progressDialog")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            # a lambda, not the bound method `cancel.set`: for a bound method of a plain Python
            # object PySide keeps a weak reference whose callback disconnects; the worker may drop
            # the last reference to `cancel`, and that callback must never run on a worker thread
            dialog.canceled.connect(lambda: cancel.set())
        running = self._running[number] = _Running(op, dialog)
        db, write, with_progress = self._db, op._write, dialog is not None
        ops, handed = self, [op._fn]

        def work() -> None:
            # The op's function often holds widgets. The last reference to it must be dropped on
            # the GUI thread (op._fn, in _finish), never here: a QObject released on a worker
            # thread crashes. So drop ours, and the traceback's frames, before reporting back.
            fn = handed.pop()
            try:
                with db.session(write=write) as session:
                    if with_progress:
                        value = fn(session,
                                   progress=lambda d, t: ops._progressed.emit(number, d, t),
                                   cancelled=cancel.is_set)
                    else:
                        value = fn(session)
                report = ops._done
            except BaseException as err:  # noqa: BLE001 - everything goes back to the GUI thread
                err.__traceback_text__ = traceback.format_exc()
                _drop_frames(err)
                value, report = err, ops._failed
            del fn
            report.emit(number, value)

        self.busy_changed.emit(True)
        running.future = (self._writes if write else self._reads).submit(work)

    @Slot(int, int, int)
    def _on_progressed(self, number: int, done: int, total: int) -> None:
        running = self._running.get(number)
        if running is not None and running.dialog is not None:
            running.dialog.setMaximum(max(total, 0))
            running.dialog.setValue(done)

    def _finish(self, number: int) -> Op:
        running = self._running.pop(number)
        if running.dialog is not None:
            running.dialog.reset()
            running.dialog.deleteLater()
        self.busy_changed.emit(bool(self._running))
        return running.op

    def _superseded(self, op: Op, number: int) -> bool:
        if op._latest is None:
            return False
        if self._newest.get(op._latest) != number:
            return True
        del self._newest[op._latest]
        return False

    @Slot(int, object)
    def _on_done(self, number: int, result) -> None:
        op = self._finish(number)
        if op._changes:
            self.changed.emit(set(op._changes))
        if op._on_success is not None and not self._superseded(op, number):
            op._on_success(result)

    @Slot(int, object)
    def _on_failed(self, number: int, err) -> None:
        op = self._finish(number)
        try:
            err.db_path = self.db.path  # for error_text: which file was busy, full or damaged
        except AttributeError:
            pass
        if not self._superseded(op, number):
            (op._on_failure or (lambda e: show_error(op._parent, e)))(err)


def _drop_frames(err: BaseException | None) -> None:
    """Detach the tracebacks of an error and of the errors it was raised from: their frames hold
    the op's locals (widgets among them), which must not be released on a worker thread."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        err.__traceback__ = None
        err = err.__cause__ or err.__context__


def error_text(err: BaseException) -> str:
    """The clerk's message for a failure: UserError text as is; a database or disk problem
    (busy, full, damaged…) named plainly; anything else logged (masked, with its traceback) and
    answered with where the log is — never the error's own text, which may hold a row's data."""
    from union_desk import logs
    from union_desk.dbfile import explain
    from union_desk.services.errors import UserError

    if isinstance(err, UserError):  # masked: no error text carries a whole ID number or phone
        return logs.mask_numbers(str(err))
    problem = explain(err, getattr(err, "db_path", None))
    if problem is not None:
        log.warning("operation failed: %s", problem.kind)
        return logs.mask_numbers(str(problem))
    where = logs.log_unexpected(err, "window")
    return QCoreApplication.translate(
        "ops", "The operation did not complete; nothing was changed.\n"
               "The details were written to the log file {0}").format(str(where))


def show_error(parent: QWidget | None, err: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("ops", "Could not complete"),
                        error_text(err))
