"""Entering payments while 凭证须经审核 is on, as a 经办人 meets it: the 审核人 field is left to
the approval, the form says the payments wait for review, and the list shows who entered them."""
from PySide6.QtCore import Qt

from accounts_helpers import HANDLER, add_member, make_id, sign_in, three_clerks
from union_desk.services.accounts import policy
from union_desk.views.hardship.models import PaymentsModel
from union_desk.views.hardship.tab import HardshipTab
from union_desk.views.ops import Ops

WAIT = 10_000


def test_a_handler_imports_a_list_under_review(db, qtbot, tmp_path):
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    add_member(db, name="张三", serial=11)
    sign_in(db, HANDLER)
    listing = tmp_path / "名单.csv"
    listing.write_text(f"姓名,身份证号,金额\n张三,{make_id(11)},500\n", encoding="utf-8")
    ops = Ops(db)
    try:
        tab = HardshipTab(ops)
        qtbot.addWidget(tab)
        panel = tab.payments
        panel.ask_open_path = lambda: listing
        dialog = panel.import_list()
        # Given review on, the 审核人 field is the approval's, not the one entering
        qtbot.waitUntil(lambda: dialog.fields.under_review, timeout=WAIT)
        assert not dialog.fields.reviewer.isEnabled() and dialog.fields.reviewer.text() == ""
        assert dialog.fields.reviewer.placeholderText() == "filled in when a reviewer approves it"
        dialog.occasion.setCurrentText("春节送温暖")
        qtbot.waitUntil(lambda: dialog.report is not None and dialog.commit_button.isEnabled(),
                        timeout=WAIT)
        # When the payments are created
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
        # Then the form says they wait, and the list says who entered them, beside the status
        assert "They wait for review" in dialog.summary.text()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
        row = [panel.model.index(0, c).data() for c in (PaymentsModel.COL_STATUS,
                                                        PaymentsModel.COL_REVIEW)]
        assert row == ["已发放", f"待审核（{HANDLER}录入）"]
        assert not panel.approve_button.isVisible()  # a 经办人 approves nothing
        dialog.reject()
    finally:
        ops.wait()
