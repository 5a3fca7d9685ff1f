"""The lock screen: with two or more accounts the window locks after the idle time a 负责人
sets (or at once, 账户 ▸ 锁定 / Ctrl+L) and opens again only with a password.

Nothing is lost behind it: the tabs, their filters and any form being filled stay open — they
are only hidden (the main window's tabs and menus, and every other open window) and shown again
as they were. A message box that was waiting for an answer is closed as if cancelled (nothing
was saved by it). Work already started keeps running; a window it opens while locked waits,
hidden, until the screen is unlocked. Whoever unlocks works from then on (another account may
sign in: the one working changes, as the status bar shows).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QMainWindow,
                               QVBoxLayout, QWidget)

from union_desk.services.accounts.sign_in import (
    SignInPlace, SignInResult, attempt_sign_in, record_window_lock,
)
from union_desk.services.accounts.policy import AccountsPolicy, accounts_policy
from union_desk.services.changes import Change
from union_desk.views.accounts.sign_in import SignInForm
from union_desk.views.ops import Ops, error_text

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                    QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class LockScreen(QWidget):
    """Covers the main window while it is locked."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.title = QLabel(self.tr("union_desk is locked"), self)
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 18pt")
        self.note = QLabel(self.tr("The data stays open behind this screen. Sign in to go on "
                                   "working; another account may sign in too."), self)
        self.note.setWordWrap(True)
        self.form = SignInForm([], parent=self)
        box = QWidget(self)
        box.setFixedWidth(420)  # a fixed width: the wrapped note then gets its full height
        inner = QVBoxLayout(box)
        for widget in (self.title, self.note, self.form):
            inner.addWidget(widget)
        row = QHBoxLayout()  # centred by stretches, not by alignment: an aligned item gets its
        row.addStretch(1)    # size hint only, so a wrapped message (a pause) would squash the
        row.addWidget(box)   # fields; in a row the box gets the height its width needs
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.hide()


class WindowLock(QObject):
    """Watches for idle time, locks and unlocks the main window (see the module's text)."""

    locked_changed = Signal(bool)
    policy_loaded = Signal(object)  # AccountsPolicy

    def __init__(self, window: QMainWindow, ops: Ops):
        super().__init__(window)
        self.window, self.ops = window, ops
        self.policy: AccountsPolicy | None = None
        self.locked = False
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.screen = LockScreen(window)
        self.screen.form.submitted.connect(self._on_form_submitted)
        QApplication.instance().installEventFilter(self)
        ops.changed.connect(self._on_ops_changed)
        self.reload()

    def reload(self) -> None:
        self.ops.read(accounts_policy).latest((id(self), "policy")) \
            .success(self._apply_policy).failure(lambda _err: None).run()

    def _apply_policy(self, policy: AccountsPolicy) -> None:
        self.policy = policy
        self.timer.setInterval(policy.idle_minutes * 60_000)
        if policy.sign_in_needed and not self.locked:
            self.timer.start()
        elif not policy.sign_in_needed:
            self.timer.stop()
        self.policy_loaded.emit(policy)

    @property
    def can_lock(self) -> bool:
        return bool(self.policy and self.policy.sign_in_needed)

    # -- locking ---------------------------------------------------------------------------
    def lock(self, idle: bool = False) -> bool:
        """Lock now (with two or more accounts); False when there is nothing to lock. The lock
        goes into the audit trail (idle or by hand)."""
        if self.locked or not self.can_lock:
            return False
        self.locked = True
        self.timer.stop()
        minutes = self.policy.idle_minutes if idle else None
        self.ops.write(lambda s: record_window_lock(s, idle_minutes=minutes), changes=(),
                       parent=self.window).run()
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and isinstance(widget, QDialog):
                self._hide(widget)
        for part in (self.window.centralWidget(), self.window.menuBar()):
            part.hide()
        self.screen.form.set_names(self.policy.active_names, self.policy.current.name)
        self.screen.form.password.clear()
        self.screen.form.error.clear()
        self.screen.form.button.setEnabled(True)
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.form.password.setFocus()
        self.locked_changed.emit(True)
        return True

    def _hide(self, widget: QWidget) -> None:
        widget.hide()
        if widget not in self._hidden:
            self._hidden.append(widget)

    def _signed_in(self, result: SignInResult) -> None:
        if result.account is None:  # the wrong try is on record (and may pause the account)
            self.screen.form.show_error(result.refusal)
            return
        self._unlocked()

    def _unlocked(self) -> None:
        self.locked = False
        self.screen.hide()
        for part in (self.window.centralWidget(), self.window.menuBar()):
            part.show()
        hidden, self._hidden = self._hidden, []
        for widget in hidden:  # a message box hidden while waiting has returned: not again
            if shiboken6.isValid(widget) and \
                    widget.windowModality() != Qt.WindowModality.ApplicationModal:
                widget.show()
        self.timer.start()  # idle time counts again from now
        refresh = getattr(self.window, "refresh_workplace", None)
        if refresh is not None:
            refresh()
        self.reload()
        self.locked_changed.emit(False)

    # -- slots and events --------------------------------------------------------------------
    def _on_form_submitted(self, name: str, password: str) -> None:
        self.ops.write(lambda s: attempt_sign_in(s, name=name, password=password,
                                                 place=SignInPlace.UNLOCK),
                       changes={Change.ACCOUNTS}, parent=self.screen) \
            .success(self._signed_in) \
            .failure(lambda err: self.screen.form.show_error(error_text(err))).run()

    def _on_timer_timeout(self) -> None:
        self.lock(idle=True)

    def _on_ops_changed(self, changes: set) -> None:
        if Change.ACCOUNTS in changes and not self.locked:
            self.reload()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _INPUT:
            if not self.locked and self.timer.isActive():
                self.timer.start()  # restart: the clerk is here
        elif kind == QEvent.Type.Show and self.locked and isinstance(obj, QDialog) \
                and obj.isWindow():
            QTimer.singleShot(0, lambda w=obj: self._hide(w) if shiboken6.isValid(w) else None)
        elif kind == QEvent.Type.Resize and obj is self.window and self.locked:
            self.screen.setGeometry(self.window.rect())
        return False
