"""账户管理 (a 负责人's): the accounts with their roles, and adding one, changing a role,
setting a password, deactivating and reactivating — never deleting — and lifting the pause
after wrong passwords (services/accounts)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog,
                               QMessageBox, QTableWidgetItem, QVBoxLayout, QWidget)

from union_desk.models.account import AccountRole, AccountRow
from union_desk.services.accounts import accounts
from union_desk.services.accounts.sign_in import paused, unblock_account
from union_desk.services.changes import Change
from union_desk.views.accounts.forms import NewAccountDialog, PasswordDialog
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button


class AccountsDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 360)
        self.rows: list[AccountRow] = []
        self.me: AccountRow | None = None
        self.dialog = None
        self.table = list_table(self, "accountsTable", [
            self.tr("Name"), self.tr("Role"), self.tr("State"), self.tr("Password"),
            self.tr("Sign-in")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        for name, text, slot in (("addAccountButton", self.tr("New account…"), self.add_account),
                                 ("roleButton", self.tr("Change role…"), self.change_role),
                                 ("passwordButton", self.tr("Set password…"), self.set_password),
                                 ("deactivateButton", self.tr("Deactivate"), self.deactivate),
                                 ("reactivateButton", self.tr("Reactivate"), self.reactivate),
                                 ("unblockButton", self.tr("Allow sign-in again"),
                                  self.unblock)):
            buttons.addWidget(make_button(self, name, text, slot))
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        ops.changed.connect(self._on_ops_changed)
        self.reload()

    def reload(self) -> None:
        self.ops.read(lambda s: (accounts.list_accounts(s), accounts.current_account(s))) \
            .latest((id(self), "accounts")).success(self._show).run()

    def _show(self, loaded) -> None:
        self.rows, self.me = loaded
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            state = self.tr("in use") if r.active else self.tr("deactivated")
            secret = self.tr("set") if r.has_password else self.tr("not set")
            for j, text in enumerate((r.name, r.role.value, state, secret, self._sign_in(r))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _sign_in(self, r: AccountRow) -> str:
        if paused(r):
            return self.tr("paused until {0} ({1} wrong passwords in a row)").format(
                f"{r.blocked_until.astimezone():%H:%M}", r.failed_sign_ins)
        if r.failed_sign_ins:
            return self.tr("{0} wrong passwords in a row").format(r.failed_sign_ins)
        return ""

    def chosen(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            self.inform(self.tr("Choose one account in the list first."))
            return None
        return self.rows[rows[0].row()]

    # -- actions -----------------------------------------------------------------------------------
    def add_account(self):
        return self._open(NewAccountDialog(self.ops, self.me, self))

    def change_role(self) -> None:
        account = self.chosen()
        if account is None:
            return
        role = self.ask_role(account)
        if role is None:
            return
        name = account.name
        self._write(lambda s: accounts.change_role(s, name=name, role=role))

    def set_password(self):
        account = self.chosen()
        if account is None:
            return None
        own = account.name == self.me.name
        return self._open(PasswordDialog(self.ops, account.name, own=own,
                                         ask_old=own and account.has_password, parent=self))

    def deactivate(self) -> None:
        account = self.chosen()
        if account is None or not self.confirm(self.tr(
                "Deactivate the account of {0}? They can no longer sign in; what they did stays "
                "on record under their name.").format(account.name)):
            return
        name = account.name
        self._write(lambda s: accounts.deactivate_account(s, name=name))

    def reactivate(self) -> None:
        account = self.chosen()
        if account is None:
            return
        name = account.name
        self._write(lambda s: accounts.reactivate_account(s, name=name))

    def unblock(self) -> None:
        """Lift the pause after wrong passwords (the 负责人 has checked who was trying)."""
        account = self.chosen()
        if account is None:
            return
        name = account.name
        self._write(lambda s: unblock_account(s, name=name))

    def _write(self, fn) -> None:
        self.ops.write(fn, changes={Change.ACCOUNTS}, parent=self).run()

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- dialogs (methods, so tests can replace them) ---------------------------------------------
    def ask_role(self, account: AccountRow) -> AccountRole | None:
        roles = [r.value for r in AccountRole]
        text, ok = QInputDialog.getItem(self, self.tr("Role of {0}").format(account.name),
                                        self.tr("Role"), roles, roles.index(account.role.value),
                                        False)
        return AccountRole(text) if ok else None

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.windowTitle(), text) == \
            QMessageBox.StandardButton.Yes

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    def _on_ops_changed(self, changes: set) -> None:
        if Change.ACCOUNTS in changes:
            self.reload()
