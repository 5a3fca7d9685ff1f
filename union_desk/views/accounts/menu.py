"""The 账户 menu of the main window and its lock: lock now, one's own password, and for a
负责人 the accounts, the review settings and the audit log."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from union_desk.services.accounts.policy import AccountsPolicy
from union_desk.views.accounts.audit_window import AuditLogDialog
from union_desk.views.accounts.forms import PasswordDialog, PolicyDialog
from union_desk.views.accounts.lock import WindowLock
from union_desk.views.accounts.manage import AccountsDialog
from union_desk.views.ops import Ops


class AccountsMenu(QObject):
    def __init__(self, window: QMainWindow, ops: Ops):
        super().__init__(window)
        self.window, self.ops = window, ops
        self.dialog = None
        self.lock = WindowLock(window, ops)
        self.menu = window.menuBar().addMenu(self.tr("&Accounts"))
        self.menu.setObjectName("accountsMenu")
        self.lock_action = self._action("lockAction", self.tr("Lock"), self._on_lock_triggered,
                                        QKeySequence(self.tr("Ctrl+L")))
        self.password_action = self._action("ownPasswordAction", self.tr("My password…"),
                                            self.change_own_password)
        self.menu.addSeparator()
        self.head_actions = [
            self._action("accountsAction", self.tr("Accounts…"), self.manage_accounts),
            self._action("policyAction", self.tr("Review and lock settings…"),
                         self.edit_policy),
            self._action("auditAction", self.tr("Audit log…"), self.show_audit_log),
        ]
        self.lock.policy_loaded.connect(self._on_lock_policy_loaded)
        if self.lock.policy is not None:
            self._on_lock_policy_loaded(self.lock.policy)

    def _action(self, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    @property
    def policy(self) -> AccountsPolicy | None:
        return self.lock.policy

    # -- actions ------------------------------------------------------------------------------
    def manage_accounts(self):
        return self._open(AccountsDialog(self.ops, self.window))

    def edit_policy(self):
        return self._open(PolicyDialog(self.ops, self.policy, self.window))

    def show_audit_log(self):
        return self._open(AuditLogDialog(self.ops, self.window))

    def change_own_password(self):
        me = self.policy.current
        return self._open(PasswordDialog(self.ops, me.name, own=True, ask_old=me.has_password,
                                         parent=self.window))

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- slots ----------------------------------------------------------------------------------
    def _on_lock_triggered(self) -> None:
        if not self.lock.lock():
            self.inform(self.tr("With one account the window does not lock. Add a second "
                                "account (Accounts…) and everyone signs in."))

    def inform(self, text: str) -> None:  # a method, so tests can replace it
        QMessageBox.information(self.window, self.window.windowTitle(), text)

    def _on_lock_policy_loaded(self, policy: AccountsPolicy) -> None:
        for action in self.head_actions:
            action.setEnabled(policy.current.is_head)
