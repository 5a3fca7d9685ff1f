"""In the window: wrong passwords pause signing in (at start and on the lock screen), the 负责人
sees the pause in the accounts dialog and lifts it; locks and sign-ins show in the audit
window; the payments list's 审核 button follows the approving rule."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from accounts_gui_helpers import WAIT, accounts_window, exported_rows, shot
from accounts_helpers import (HANDLER, HANDLER_PW, HEAD, REVIEWER, REVIEWER_PW, add_member,
                              payment, sign_in, three_clerks, try_sign_in)
from union_desk.app import ensure_signed_in
from union_desk.db import open_database
from union_desk.services.accounts import policy
from union_desk.services.hardship import payments
from union_desk.views.accounts.sign_in import SignInDialog
from union_desk.views.hardship.tab import HardshipTab


def locked_window(db, ops, qtbot):
    win, menu = accounts_window(ops, qtbot, size=(1000, 640))
    menu.lock_action.trigger()
    assert menu.lock.locked
    return win, menu


def submit(menu, qtbot, name: str, password: str) -> str:
    form = menu.lock.screen.form
    form.error.setText("")
    form.name.setCurrentText(name)
    form.password.setText(password)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error.text() != "" or not menu.lock.locked, timeout=WAIT)
    return form.error.text()


def test_the_lock_screen_pauses_after_five_wrong_passwords(db, ops, qtbot):
    three_clerks(db)
    win, menu = locked_window(db, ops, qtbot)
    said = [submit(menu, qtbot, REVIEWER, "not-the-one") for _ in range(5)]
    assert said[:2] == ["姓名或密码不对"] * 2
    assert "再输错 1 次，将暂停登录 1 分钟" in said[3]
    assert f"账户“{REVIEWER}”连续 5 次密码错误，暂停登录：请 1 分钟后" in said[4]
    qtbot.wait(100)  # the message lays itself out
    form = menu.lock.screen.form  # the long message takes two lines and squashes no field
    assert form.error.isVisible() and form.error.height() >= 2 * form.error.fontMetrics().height()
    assert all(w.height() >= w.sizeHint().height() for w in (form.name, form.password))
    shot(win, "lock-screen-paused")
    # the right password waits too; another clerk may still unlock
    assert "暂停登录" in submit(menu, qtbot, REVIEWER, REVIEWER_PW) and menu.lock.locked
    assert submit(menu, qtbot, HANDLER, HANDLER_PW) == "" and not menu.lock.locked
    assert db.context.clerk == HANDLER
    ops.wait()


def test_the_start_up_dialog_counts_wrong_passwords_and_says_how_long(db, db_path, monkeypatch):
    three_clerks(db)
    restarted = open_database(db_path)
    seen = []

    def exec_(dialog):
        seen.append(dialog.form.error.text())
        if len(seen) > 6:
            return QDialog.DialogCode.Rejected  # the clerk gives up
        dialog.form.name.setCurrentText(REVIEWER)
        dialog.form.password.setText("not-the-one" if len(seen) <= 5 else REVIEWER_PW)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    try:
        assert not ensure_signed_in(restarted)
        assert "连续 5 次密码错误，暂停登录：请 1 分钟后" in seen[5]
        assert "连续 5 次密码错误，暂停登录" in seen[6]  # the right one, refused while paused
        assert restarted.context.account_id == ""
    finally:
        restarted.close()
    assert "暂停登录" in try_sign_in(db, REVIEWER, REVIEWER_PW).refusal  # kept in the file


def test_the_head_sees_the_pause_and_lifts_it_in_the_accounts_dialog(db, ops, qtbot):
    three_clerks(db)
    for _ in range(5):
        try_sign_in(db, HANDLER, "not-the-one")
    sign_in(db, HEAD)
    win, menu = accounts_window(ops, qtbot, show=False)
    dialog = menu.manage_accounts()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=WAIT)
    names = [dialog.table.item(r, 0).text() for r in range(3)]
    row = names.index(HANDLER)
    assert dialog.table.item(row, 4).text().startswith("paused until ")  # tests run in English
    assert dialog.table.item(row, 4).text().endswith(" (5 wrong passwords in a row)")
    assert dialog.table.item(names.index(REVIEWER), 4).text() == ""
    dialog.show()
    qtbot.wait(50)
    shot(dialog, "accounts-paused")
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.findChild(QPushButton, "unblockButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.item(row, 4).text() == "", timeout=WAIT)
    assert try_sign_in(db, HANDLER, HANDLER_PW).account.name == HANDLER
    dialog.reject()


def test_locks_and_sign_ins_show_in_the_audit_window_and_its_export(db, ops, qtbot, tmp_path):
    three_clerks(db)
    win, menu = locked_window(db, ops, qtbot)
    submit(menu, qtbot, HEAD, "not-the-one")
    assert submit(menu, qtbot, HEAD, "wang-2025-pw") == ""
    log = menu.show_audit_log()
    log.kind.setCurrentIndex(log.kind.findText("登录与锁定"))
    qtbot.waitUntil(lambda: log.model.rowCount() == 3, timeout=WAIT)
    details = [log.model.index(r, log.model.COL_DETAIL).data() for r in range(3)]
    assert details == ["登录成功；途径：解锁屏幕；角色：负责人",
                       "密码错误，未登录；途径：解锁屏幕；连续输错：1 次",
                       "锁定窗口；手动锁定"]
    log.show()
    qtbot.wait(50)
    shot(log, "audit-sign-ins")
    rows = exported_rows(log, qtbot, tmp_path)
    assert [r[4] for r in rows[1:]] == details and {r[2] for r in rows[1:]} == {"登录与锁定"}
    log.reject()


# -- the 审核 button -------------------------------------------------------------------------

def payments_panel(ops, qtbot):
    tab = HardshipTab(ops)
    qtbot.addWidget(tab)
    tab.resize(1400, 700)
    tab.show()
    tab.pages.setCurrentWidget(tab.payments)
    return tab.payments


def test_the_approve_button_is_only_for_reviewers_when_review_is_on(db, ops, qtbot):
    three_clerks(db)
    member = add_member(db)
    sign_in(db, REVIEWER)
    panel = payments_panel(ops, qtbot)
    qtbot.waitUntil(lambda: panel.policy is not None, timeout=WAIT)
    assert not panel.approve_button.isVisible()  # review off: nothing to approve
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    sign_in(db, HANDLER)
    with db.session(write=True) as s:
        number = payments.record_payment(s, data=payment(member.id)).voucher_no
    panel.refresh_review()
    qtbot.waitUntil(lambda: panel.policy.current.name == HANDLER, timeout=WAIT)
    assert not panel.approve_button.isVisible()  # a 经办人 never sees it
    sign_in(db, REVIEWER)
    panel.refresh_review()
    panel.apply_filters()  # written outside the window: reload the list
    qtbot.waitUntil(lambda: panel.approve_button.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    assert not panel.approve_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    assert panel.approve_button.isEnabled()
    assert panel.approve_button.toolTip().startswith("Approve the 1 chosen payments")
    # turned off with a payment still waiting: the reviewer can still approve it
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=False)
    sign_in(db, REVIEWER)
    panel.refresh_review()
    qtbot.waitUntil(lambda: not panel.policy.review_required, timeout=WAIT)
    assert panel.approve_button.isVisible() and panel.waiting == 1
    assert number


def test_a_reviewer_cannot_approve_what_they_entered(db, ops, qtbot):
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    member = add_member(db)
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        mine = payments.record_payment(s, data=payment(member.id)).voucher_no
    sign_in(db, HANDLER)
    with db.session(write=True) as s:
        theirs = payments.record_payment(s, data=payment(member.id, amount_fen=20_000)).voucher_no
    sign_in(db, REVIEWER)
    panel = payments_panel(ops, qtbot)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and panel.approve_button.isVisible(),
                    timeout=WAIT)
    rows = [panel.model.row_at(r).voucher_no for r in range(2)]
    panel.table.selectRow(rows.index(mine))
    assert not panel.approve_button.isEnabled()
    assert panel.approve_button.toolTip() == f"{mine}：由您本人录入，须由另一位审核人或负责人审核"
    shot(panel, "approve-own-payment")
    panel.table.selectAll()  # a batch with one's own in it would be refused whole
    assert not panel.approve_button.isEnabled() and mine in panel.approve_button.toolTip()
    panel.table.selectRow(rows.index(theirs))
    assert panel.approve_button.isEnabled()
