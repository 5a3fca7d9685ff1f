"""The automatic backup while the window is open and when it closes, checked every few minutes
and made only when one is due (at most hourly, after changes): the snapshot as a write op (the
single write worker, so no write of this app runs meanwhile), its verification as a read op
after it, so a clerk's save waits only for the snapshot."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from union_desk.services.backups.auto import (auto_backup, finish_auto_backup,
                                              start_auto_backup)
from union_desk.views.ops import Ops

CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_AFTER_MS = 60 * 1000


class AutoBackup(QObject):
    notice = Signal(str)  # a line for the status bar

    def __init__(self, ops: Ops, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(lambda: self.run_if_due())
        self.timer.start()
        self.first = QTimer(self)  # soon after opening (owned, so it dies with this object)
        self.first.setSingleShot(True)
        self.first.setInterval(FIRST_AFTER_MS)
        self.first.timeout.connect(lambda: self.run_if_due())
        self.first.start()

    def run_if_due(self) -> None:
        path = self.ops.file_path
        if path is None:  # a server database: its backups are pg_dump's
            return
        self.ops.write(lambda s: start_auto_backup(s, db_path=path), changes=set()) \
            .success(lambda pending: self._verify(pending)) \
            .failure(lambda err: self._on_failed(err)).run()

    def run_at_close(self) -> None:
        """As the window closes: both steps on the write worker (nothing else is waiting)."""
        self.stop()
        path = self.ops.file_path
        if path is None:
            return
        self.ops.write(lambda s: auto_backup(s, db_path=path), changes=set()).run()

    def _verify(self, pending) -> None:
        if pending is None:
            return
        self.ops.read(lambda _s: finish_auto_backup(pending)) \
            .success(lambda result: self._on_done(result)) \
            .failure(lambda err: self._on_failed(err)).run()

    def stop(self) -> None:
        self.timer.stop()
        self.first.stop()

    def _on_done(self, result) -> None:
        if result.made is not None:
            self.notice.emit(self.tr("Backup verified: {0}").format(result.made.path.name))
        for text in result.notices:
            self.notice.emit(text)

    def _on_failed(self, err) -> None:
        from union_desk.views.ops import error_text

        self.notice.emit(self.tr("Automatic backup failed: {0}").format(error_text(err)))
