"""The small forms of the 账户 menu: a new account, a password (one's own or, for a 负责人,
anyone's), and the review settings. Each Save is one write (views/form_dialog.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from union_desk.models.account import AccountRole, AccountRow
from union_desk.services.accounts import accounts, policy
from union_desk.services.accounts.policy import AccountsPolicy
from union_desk.services.changes import Change
from union_desk.views.form_dialog import FormDialog
from union_desk.views.ops import Ops


def password_edit(dialog: FormDialog, name: str) -> QLineEdit:
    edit = QLineEdit(dialog)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NewAccountDialog(FormDialog):
    """Name, role, first password (twice); the first-run 负责人 without a password sets theirs
    in the same step."""

    def __init__(self, ops: Ops, me: AccountRow, parent=None):
        super().__init__(ops, self.tr("New account"),
                         lambda s, p: accounts.add_account(s, **p), {Change.ACCOUNTS}, parent)
        self.setObjectName("newAccountDialog")
        self.name = self.add_line("accountNameEdit", self.tr("Name"), "name")
        self.role = QComboBox(self)
        self.role.setObjectName("accountRoleCombo")
        for role in AccountRole:
            self.role.addItem(role.value, role)
        self.add_row(self.tr("Role"), self.role, "role")
        self.password = self.add_row(self.tr("First password"),
                                     password_edit(self, "accountPasswordEdit"), "password")
        self.again = self.add_row(self.tr("Password again"), password_edit(self, "accountAgainEdit"))
        self.own = None
        if not me.has_password:
            self.add_row("", QLabel(self.tr(
                "From now on everyone signs in. First give yourself ({0}) a password:")
                .format(me.name), self))
            self.own = self.add_row(self.tr("Your password"),
                                    password_edit(self, "ownPasswordEdit"), "own_password")

    def payload(self) -> dict:
        return dict(name=self.name.text(), role=self.role.currentData(),
                    password=self.password.text(),
                    own_password=self.own.text() if self.own is not None else None)

    def _on_buttons_accepted(self) -> None:
        if self.password.text() != self.again.text():
            self.show_error(self.tr("The two passwords differ."), "password")
            return
        super()._on_buttons_accepted()


class PasswordDialog(FormDialog):
    """One's own password (the old one first), or — for a 负责人 — a new password for anyone."""

    def __init__(self, ops: Ops, name: str, own: bool, ask_old: bool = True, parent=None):
        if own:
            save = lambda s, p: accounts.change_own_password(s, old=p[0], new=p[1])  # noqa: E731
        else:
            save = lambda s, p: accounts.reset_password(s, name=name, password=p[1])  # noqa: E731
        super().__init__(ops, self.tr("Password of {0}").format(name), save, {Change.ACCOUNTS},
                         parent)
        self.setObjectName("passwordDialog")
        self.old = None
        if own and ask_old:
            self.old = self.add_row(self.tr("Current password"),
                                    password_edit(self, "oldPasswordEdit"), "old")
        self.new = self.add_row(self.tr("New password"), password_edit(self, "newPasswordEdit"),
                                "password")
        self.again = self.add_row(self.tr("New password again"),
                                  password_edit(self, "againPasswordEdit"))

    def payload(self) -> tuple[str, str]:
        return (self.old.text() if self.old is not None else "", self.new.text())

    def _on_buttons_accepted(self) -> None:
        if self.new.text() != self.again.text():
            self.show_error(self.tr("The two new passwords differ."), "password")
            return
        super()._on_buttons_accepted()


class PolicyDialog(FormDialog):
    """凭证须经审核 and the idle minutes before the window locks (a 负责人's settings)."""

    def __init__(self, ops: Ops, current: AccountsPolicy, parent=None):
        super().__init__(ops, self.tr("Review and lock settings"), _save_policy,
                         {Change.ACCOUNTS, Change.SETTINGS}, parent)
        self.setObjectName("policyDialog")
        self.review = QCheckBox(self.tr("Vouchers must be reviewed (凭证须经审核)"), self)
        self.review.setObjectName("reviewCheck")
        self.review.setChecked(current.review_required)
        self.add_row("", self.review, "on")
        note = QLabel(self.tr(
            "When on, a new payment waits for review until a reviewer (审核人) or head (负责人) "
            "other than the one who entered it approves it; until then it prints only as a "
            "draft marked 未审核. Payments entered before stay as they are."), self)
        note.setWordWrap(True)
        self.add_row("", note)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutesSpin")
        self.idle.setRange(policy.IDLE_MIN, policy.IDLE_MAX)
        self.idle.setValue(current.idle_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.add_row(self.tr("Lock the window after"), self.idle, "minutes")

    def payload(self) -> dict:
        return dict(on=self.review.isChecked(), minutes=self.idle.value())


def _save_policy(session, values: dict) -> None:
    policy.set_idle_minutes(session, minutes=values["minutes"])
    policy.set_review_required(session, on=values["on"])
