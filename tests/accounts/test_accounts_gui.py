"""The window with several accounts, as the clerks meet it: who is working at start, the lock
screen (nothing lost behind it), approving in the payments tab, revealing with a reason in an
edit form, the accounts dialog and the audit log."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from accounts_gui_helpers import WAIT, accounts_window, exported_rows, shot
from accounts_helpers import (entered_under_review, HANDLER, HEAD, HEAD_PW, REVIEWER, REVIEWER_PW,
                              add_member, sign_in, three_clerks)
from personal_numbers import full
from union_desk.app import ensure_signed_in
from union_desk.db import open_database
from union_desk.models.audit import AuditEntry
from union_desk.services.accounts import policy
from union_desk.services.hardship import payments
from union_desk.services.roster import members
from union_desk.views.accounts.sign_in import SignInDialog
from union_desk.views.hardship.models import PaymentsModel
from union_desk.views.hardship.tab import HardshipTab
from union_desk.views.roster.tab import RosterTab

@pytest.fixture
def window(db, ops, qtbot):
    win, _menu = accounts_window(ops, qtbot, size=(1100, 700))
    yield win


def texts(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


# -- who is working at start -------------------------------------------------------------------

def test_with_one_account_the_app_starts_without_asking(db, monkeypatch):
    monkeypatch.setattr(SignInDialog, "exec", lambda self: pytest.fail("asked who works"))
    assert ensure_signed_in(db) and db.context.clerk == HEAD


def test_with_several_accounts_the_app_asks_who_is_working(db, db_path, monkeypatch, qtbot):
    three_clerks(db)
    restarted = open_database(db_path)  # the next start of the app
    attempts = iter([(REVIEWER, "wrong-password"), (REVIEWER, REVIEWER_PW)])
    errors = []

    def exec_(dialog):
        if errors or dialog.form.error.text():
            errors.append(dialog.form.error.text())
        name, password = next(attempts)
        dialog.form.name.setCurrentText(name)
        dialog.form.password.setText(password)
        if not errors:
            shot(dialog, "sign-in")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    try:
        assert ensure_signed_in(restarted)
        assert errors == ["姓名或密码不对"]
        assert (restarted.context.clerk, bool(restarted.context.account_id)) == (REVIEWER, True)
    finally:
        restarted.close()


def test_cancelling_the_sign_in_opens_nothing(db, db_path, monkeypatch):
    three_clerks(db)
    restarted = open_database(db_path)
    monkeypatch.setattr(SignInDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    try:
        assert not ensure_signed_in(restarted) and restarted.context.account_id == ""
    finally:
        restarted.close()


# -- the lock screen -------------------------------------------------------------------------

def test_with_one_account_the_window_does_not_lock(window, qtbot):
    menu = window.accounts_menu
    said = []
    menu.inform = said.append
    menu.lock_action.trigger()
    assert not menu.lock.locked and said and "one account" in said[0]
    assert menu.lock.timer.isActive() is False


def test_the_lock_hides_everything_and_keeps_it_until_the_password(db, ops, qtbot):
    three_clerks(db)
    win, menu = accounts_window(ops, qtbot, size=(1000, 640))
    assert menu.lock.timer.isActive() and menu.lock.timer.interval() == 10 * 60_000
    # Given a form half filled in
    form = menu.change_own_password()
    form.new.setText("half-typed-pw")
    # When the window locks
    menu.lock_action.trigger()
    assert menu.lock.locked and menu.lock.screen.isVisible()
    assert not win.centralWidget().isVisible() and not win.menuBar().isVisible()
    assert not form.isVisible()
    qtbot.wait(100)  # the lock screen lays itself out
    shot(win, "lock-screen")
    # Then a wrong password keeps it locked
    menu.lock.screen.form.password.setText("not-the-one")
    qtbot.mouseClick(menu.lock.screen.form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menu.lock.screen.form.error.text() != "", timeout=WAIT)
    assert menu.lock.locked and "姓名或密码不对" in menu.lock.screen.form.error.text()
    # and the right one (another clerk may sign in) brings everything back as it was
    menu.lock.screen.form.name.setCurrentText(REVIEWER)
    menu.lock.screen.form.password.setText(REVIEWER_PW)
    qtbot.mouseClick(menu.lock.screen.form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not menu.lock.locked, timeout=WAIT)
    assert win.centralWidget().isVisible() and win.menuBar().isVisible()
    assert form.isVisible() and form.new.text() == "half-typed-pw"
    assert db.context.clerk == REVIEWER
    qtbot.waitUntil(lambda: REVIEWER in win.status_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: menu.policy.current.name == REVIEWER, timeout=WAIT)
    assert not any(a.isEnabled() for a in menu.head_actions)  # a 审核人 manages nothing
    form.reject()
    ops.wait()


def test_the_window_locks_by_itself_when_idle(db, ops, qtbot):
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_idle_minutes(s, minutes=1)
    win, menu = accounts_window(ops, qtbot)
    assert menu.lock.timer.interval() == 60_000
    menu.lock.timer.start(200)  # a minute is long for a test: the same timer, shorter
    qtbot.waitUntil(lambda: menu.lock.locked, timeout=WAIT)
    # a window a running op opens while locked waits, hidden
    late = QDialog(win)
    late.open()
    qtbot.waitUntil(lambda: not late.isVisible(), timeout=WAIT)
    menu.lock.screen.form.password.setText(HEAD_PW)
    menu.lock.screen.form._on_submit()
    qtbot.waitUntil(lambda: not menu.lock.locked, timeout=WAIT)
    assert late.isVisible() and menu.lock.timer.isActive()
    late.reject()
    ops.wait()


# -- approving in the payments tab -----------------------------------------------------------

def test_a_reviewer_approves_chosen_payments_in_the_list(db, ops, qtbot):
    numbers = [p.voucher_no for p in entered_under_review(db, (50_000, 30_000))]
    sign_in(db, REVIEWER)
    tab = HardshipTab(ops)
    qtbot.addWidget(tab)
    tab.resize(1400, 700)
    tab.show()
    panel = tab.payments
    tab.pages.setCurrentWidget(panel)
    panel.status_filter.setCurrentIndex(panel.status_filter.findText("待审核"))
    qtbot.waitUntil(lambda: texts(panel.table, 0) == numbers, timeout=WAIT)
    assert texts(panel.table, PaymentsModel.COL_REVIEW) == [f"待审核（{HANDLER}录入）"] * 2
    qtbot.waitUntil(lambda: "800.00" in panel.totals_label.text(), timeout=WAIT)
    shot(panel, "payments-pending")
    said, asked = [], []
    panel.inform = said.append
    panel.confirm = lambda text: asked.append(text) or True
    panel.table.selectAll()
    qtbot.mouseClick(panel.findChild(type(panel.print_button), "approveButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said == ["2 payments approved."], timeout=WAIT)
    assert "2" in asked[0] and "¥800.00" in asked[0]
    qtbot.waitUntil(lambda: texts(panel.table, 0) == [], timeout=WAIT)  # none left waiting
    panel.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: texts(panel.table, PaymentsModel.COL_REVIEW) ==
                    [f"已审核 {REVIEWER}"] * 2, timeout=WAIT)


def test_a_handler_who_tries_to_approve_is_told_why_not(db, ops, qtbot, monkeypatch):
    entered_under_review(db)
    tab = HardshipTab(ops)
    qtbot.addWidget(tab)
    panel = tab.payments
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    errors = []
    monkeypatch.setattr("union_desk.views.ops.show_error", lambda _p, err: errors.append(str(err)))
    panel.confirm = lambda _text: True
    panel.table.selectAll()
    panel.approve_chosen()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert "审核凭证需要审核人或负责人账户" in errors[0]


# -- revealing in an edit form -----------------------------------------------------------------

def open_member_form(ops, qtbot):
    tab = RosterTab(ops)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT)
    tab.table.selectRow(0)
    member = tab.selected_member()
    dialog = tab.edit_member()
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT)
    return member, dialog


def reveal_entries(db):
    with db.session() as s:
        return [json.loads(e.after) for e in
                s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()]


def test_a_reviewer_shows_the_full_numbers_with_a_reason(db, ops, qtbot):
    three_clerks(db)
    add_member(db)
    sign_in(db, REVIEWER)
    member, dialog = open_member_form(ops, qtbot)
    assert dialog.id_number.text() == str(member.id_number) and "*" in dialog.id_number.text()
    assert dialog.reveal_button.isVisible() and dialog.masked_note.isVisible()
    shot(dialog, "member-form-masked")
    assert reveal_entries(db) == []
    dialog.ask_reveal_reason = lambda: None  # cancelled: nothing shown, nothing logged
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert "*" in dialog.id_number.text() and reveal_entries(db) == []
    dialog.ask_reveal_reason = lambda: "会员来电更正手机号"
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.id_number.text() == full(member.id_number), timeout=WAIT)
    assert dialog.phone.text() == full(member.phone) and not dialog.reveal_button.isVisible()
    [entry] = reveal_entries(db)
    assert entry["reason"] == "会员来电更正手机号" and entry["role"] == "审核人"
    dialog.reject()


def test_a_handler_edits_without_seeing_and_the_numbers_stay(db, ops, qtbot):
    three_clerks(db)
    add_member(db)
    sign_in(db, HANDLER)
    member, dialog = open_member_form(ops, qtbot)
    assert "*" in dialog.phone.text() and not dialog.reveal_button.isVisible()
    assert dialog.masked_note.isVisible() and dialog.save_button().isEnabled()
    dialog.employer.setText("建德市新单位")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    with db.session() as s:
        saved = members.get_member(s, member_id=member.id)
    assert (saved.id_number, saved.phone, saved.employer) == (
        member.id_number, member.phone, "建德市新单位")
    assert reveal_entries(db) == []
    # typing a new number replaces the old one, still without ever showing it
    member, dialog = open_member_form(ops, qtbot)
    dialog.phone.setText("13900139000")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    with db.session() as s:
        saved = members.get_member(s, member_id=member.id)
    assert full(saved.phone) == "13900139000" and saved.id_number == member.id_number


# -- the 负责人's dialogs ----------------------------------------------------------------------

def test_the_head_adds_the_second_account_giving_herself_a_password(window, db, qtbot):
    menu = window.accounts_menu
    assert all(a.isEnabled() for a in menu.head_actions)
    accounts_dialog = menu.manage_accounts()
    qtbot.waitUntil(lambda: accounts_dialog.table.rowCount() == 1, timeout=WAIT)
    form = accounts_dialog.add_account()
    assert form.own is not None  # she has no password yet
    form.name.setText(REVIEWER)
    form.role.setCurrentIndex(form.role.findText("审核人"))
    form.password.setText(REVIEWER_PW)
    form.again.setText("different-pw")
    qtbot.mouseClick(form.save_button(), Qt.MouseButton.LeftButton)
    assert form.error.text() == "The two passwords differ."
    form.again.setText(REVIEWER_PW)
    qtbot.mouseClick(form.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.error.text()), timeout=WAIT)
    assert "请先为自己设置密码" in form.error.text()
    form.own.setText(HEAD_PW)
    qtbot.mouseClick(form.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: accounts_dialog.table.rowCount() == 2, timeout=WAIT)
    assert [accounts_dialog.table.item(r, 1).text() for r in range(2)] == ["负责人", "审核人"]
    shot(accounts_dialog, "accounts-dialog")
    qtbot.waitUntil(lambda: menu.lock.can_lock, timeout=WAIT)  # from now on the window locks
    # a role change through the dialog
    accounts_dialog.table.selectRow(1)
    accounts_dialog.ask_role = lambda _account: __import__(
        "union_desk.models.account", fromlist=["AccountRole"]).AccountRole.HANDLER
    accounts_dialog.change_role()
    qtbot.waitUntil(lambda: accounts_dialog.table.item(1, 1).text() == "经办人", timeout=WAIT)
    accounts_dialog.reject()


def test_the_head_reads_and_exports_the_audit_log(window, db, qtbot, tmp_path):
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    log = window.accounts_menu.show_audit_log()
    qtbot.waitUntil(lambda: log.model.rowCount() >= 4, timeout=WAIT)
    kinds = set(texts(log.table, log.model.COL_KIND))
    assert kinds == {"账户变更", "审核设置"}
    log.kind.setCurrentIndex(log.kind.findText("审核设置"))
    qtbot.waitUntil(lambda: texts(log.table, log.model.COL_SUBJECT) == ["凭证须经审核"],
                    timeout=WAIT)
    log.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: log.model.rowCount() >= 4, timeout=WAIT)
    shot(log, "audit-log")
    rows = exported_rows(log, qtbot, tmp_path)
    assert rows[0][:3] == ("时间", "操作人", "类别") and len(rows) == log.model.rowCount() + 1
    log.reject()


def test_the_review_settings_dialog_saves_both_settings(db, ops, qtbot):
    three_clerks(db)
    win, menu = accounts_window(ops, qtbot, show=False)
    form = menu.edit_policy()
    assert not form.review.isChecked() and form.idle.value() == 10
    form.review.setChecked(True)
    form.idle.setValue(15)
    shot(form, "policy-dialog")
    qtbot.mouseClick(form.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    with db.session() as s:
        assert policy.review_required(s) and policy.idle_minutes(s) == 15
    qtbot.waitUntil(lambda: menu.lock.timer.interval() == 15 * 60_000, timeout=WAIT)


def test_printing_a_waiting_payment_previews_a_draft_that_counts_nothing(db, ops, qtbot):
    [number] = [p.voucher_no for p in entered_under_review(db)]
    tab = HardshipTab(ops)
    qtbot.addWidget(tab)
    panel = tab.payments
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    panel.table.selectAll()
    with qtbot.waitSignal(tab.printing.preview_opened, timeout=WAIT):
        panel.print_chosen()
    preview = tab.printing.last_preview
    assert "1 drafts marked 未审核" in preview.summary.text() and preview.counted
    preview.record_output()  # printed or saved: still nothing to count
    ops.wait()
    with db.session() as s:
        assert payments.get_payment(s, voucher_no=number).printed_count == 0
    preview.reject()
