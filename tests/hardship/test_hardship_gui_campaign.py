"""Campaigns and the files' upkeep in the 困难帮扶 tab: the city office's list imported (bad rows
named with their Excel row), households picked and paid at once, status changes, the yearly
review list, a category override with its reason, a medical mutual-aid claim."""
from datetime import date

from openpyxl import Workbook
from PySide6.QtCore import QItemSelectionModel, Qt

from hardship_gui_helpers import gui_id, pick_member, roster, save, tab, texts  # noqa: F401
from personal_numbers import full
from union_desk.models.hardship import HardshipCategory, HouseholdCreate, HouseholdPersonIn
from union_desk.models.hardship import HouseholdStatus
from union_desk.models.member import MemberCreate
from union_desk.models.union import UnionCreate
from union_desk.services.roster import members, unions
from union_desk.services.hardship.policy import put_policy
from union_desk.services.hardship.households import create_household
from union_desk.views.hardship.models import HouseholdsModel, PaymentsModel


def add_file(db, member, income_fen: int = 50_000, reviewed_on: date | None = None):
    with db.session(write=True) as s:
        return create_household(s, data=HouseholdCreate(
            member_id=member.id, main_cause="疾病", reviewed_on=reviewed_on or date.today(),
            persons=[HouseholdPersonIn(name=member.name, relation="本人",
                                       monthly_income_fen=income_fen)]))


def select_all(view) -> None:
    model, selection = view.model(), view.selectionModel()
    for row in range(model.rowCount()):
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_import_the_city_office_list_bad_rows_named_then_pay_and_print(tab, qtbot, roster,
                                                                       tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "身份证号", "金额", "备注"])
    sheet.append([1, "张三", full(roster["张三"].id_number), 2000, ""])         # row 2: fine
    sheet.append([2, "李四", full(roster["李四"].id_number)[:17] + "0", 1000, ""])  # row 3: check char
    sheet.append([3, "王五", full(roster["王五"].id_number), "一千", ""])         # row 4: amount
    path = tmp_path / "送温暖名单.xlsx"
    book.save(path)
    payments = tab.payments
    payments.ask_open_path = lambda: path
    dialog = payments.import_list()
    dialog.occasion.setCurrentText("春节送温暖")
    qtbot.waitUntil(lambda: dialog.report is not None
                    and dialog.report.rejected != [] and dialog.commit_button.isEnabled(),
                    timeout=10_000)
    table = dialog.rejections
    shown = {(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
             for r in range(table.rowCount())}
    assert shown == {("3", "李四", "身份证号"), ("4", "王五", "金额")}
    assert "校验位" in table.item(0, 3).text() or "校验位" in table.item(1, 3).text()

    # Changing the occasion asks for a new check before anything is written
    dialog.occasion.setCurrentText("金秋助学")
    assert not dialog.commit_button.isEnabled()
    dialog.occasion.setCurrentText("春节送温暖")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.commit_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    number = f"大洋镇-{date.today().year}-0001"
    assert dialog.result.vouchers == [number]
    qtbot.waitUntil(lambda: texts(payments.table) == [number], timeout=5000)
    assert texts(payments.table, PaymentsModel.COL_RECIPIENT) == ["张三"]

    with qtbot.waitSignal(tab.printing.preview_opened, timeout=20_000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    preview = tab.printing.last_preview
    assert preview.result.vouchers == [number] and preview.result.signoff_lines == 1
    assert preview.document.pageCount() == 2  # the voucher page, then the sign-off sheet


def test_pick_households_and_pay_them_all_at_once(tab, qtbot, roster, db):
    add_file(db, roster["张三"])
    add_file(db, roster["李四"])
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: sorted(texts(panel.table)) == ["张三", "李四"], timeout=5000)
    select_all(panel.table)
    dialog = panel.pay_households()
    dialog.occasion.setCurrentText("金秋助学")
    dialog.fields.amount.setText("500")
    assert "¥1,000.00" in dialog.total.text()
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert len(dialog.result.vouchers) == 2 and dialog.result.skipped == []
    assert dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: "¥1,000.00" in tab.payments.totals_label.text(), timeout=5000)
    dialog.reject()

    # Paying the same households again for the same occasion skips them, naming why
    again = panel.pay_households()
    again.occasion.setCurrentText("金秋助学")
    again.fields.amount.setText("500")
    qtbot.mouseClick(again.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.result is not None, timeout=10_000)
    assert again.result.vouchers == [] and again.skipped.rowCount() == 2
    assert "金秋助学" in again.skipped.item(0, 1).text()
    assert not again.print_button.isEnabled()


def test_status_change_yearly_review_list_and_review(tab, qtbot, roster, db):
    two_years_ago = date.today().replace(year=date.today().year - 2, day=1)
    with db.session(write=True) as s:
        put_policy(s, year=two_years_ago.year, dibao_fen=90_000)
    add_file(db, roster["张三"], reviewed_on=two_years_ago)
    add_file(db, roster["李四"])
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: len(texts(panel.table)) == 2, timeout=5000)

    panel.unreviewed.setChecked(True)
    qtbot.waitUntil(lambda: texts(panel.table) == ["张三"], timeout=5000)
    assert not panel.search.isEnabled()
    panel.table.selectRow(0)
    review = panel.mark_reviewed()
    save(qtbot, review)
    qtbot.waitUntil(lambda: texts(panel.table) == [], timeout=5000)

    panel.unreviewed.setChecked(False)
    qtbot.waitUntil(lambda: len(texts(panel.table)) == 2, timeout=5000)
    panel.table.selectRow(texts(panel.table).index("李四"))
    status = panel.change_status()
    status.status.setCurrentIndex(status.status.findData(HouseholdStatus.OUT))
    qtbot.mouseClick(status.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(status.error.text()), timeout=5000)
    assert "原因" in status.error.text()
    status.reason.setText("子女就业，家庭收入提高")
    save(qtbot, status)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(HouseholdStatus.OUT))
    qtbot.waitUntil(lambda: texts(panel.table) == ["李四"], timeout=5000)
    assert texts(panel.table, HouseholdsModel.COL_STATUS) == ["脱困"]
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.page.history.rowCount() == 2, timeout=5000)
    assert panel.page.history.item(1, 2).text() == "子女就业，家庭收入提高"


def test_category_override_needs_a_reason(tab, qtbot, roster, db):
    add_file(db, roster["张三"], income_fen=50_000)  # 500 元 per head: 深度困难 suggested
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: texts(panel.table) == ["张三"], timeout=5000)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.page.detail is not None, timeout=5000)
    dialog = panel.edit_household()
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)  # the full numbers, an audited reveal
    assert dialog.persons.table.item(0, 2).text() == str(roster["张三"].id_number)  # 本人 masked
    qtbot.waitUntil(lambda: "深度困难" in dialog.suggestion.text(), timeout=5000)
    dialog.category.setCurrentIndex(dialog.category.findData(HardshipCategory.ACCIDENT))
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "原因" in dialog.error.text() and dialog.isVisible()
    dialog.category_reason.setText("家中失火")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: texts(panel.table, HouseholdsModel.COL_CATEGORY) == ["意外致困"],
                    timeout=5000)
    qtbot.waitUntil(lambda: "家中失火" in panel.page.header.text(), timeout=5000)


def test_medical_mutual_aid_claim_for_a_member(tab, qtbot, roster):
    payments = tab.payments
    dialog = payments.medical_aid()
    pick_member(qtbot, dialog.picker, "王五")
    dialog.hospital.setText("建德市第一人民医院")
    dialog.total_cost.setText("10000")
    dialog.reimbursed.setText("6000")
    assert dialog.self_paid.text() == "¥4,000.00"
    dialog.payment.amount.setText("5000")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "自付" in dialog.error.text()
    dialog.payment.amount.setText("3000")
    save(qtbot, dialog)
    assert dialog.result_row.total_cost_fen == 1_000_000
    qtbot.waitUntil(lambda: texts(payments.table, PaymentsModel.COL_OCCASION)
                    == ["职工医疗互助补助"], timeout=5000)
    assert texts(payments.table, PaymentsModel.COL_RECIPIENT) == ["王五"]
    assert gui_id(25) not in texts(payments.table, PaymentsModel.COL_ID)


def test_the_dibao_standard_is_set_in_the_tab_and_drives_the_suggestion(tab, qtbot, db):
    with db.session(write=True) as s:
        union = unions.create_union(s, data=UnionCreate(name="大洋镇竹木厂工会"))
        members.add_member(s, data=MemberCreate(name="钱七", id_number=gui_id(31),
                                                union_id=union.id, join_date=date(2016, 1, 1)))
    panel = tab.households
    new = panel.new_household()
    pick_member(qtbot, new.picker, "钱七")
    new.persons.table.item(0, 3).setText("1200")
    qtbot.waitUntil(lambda: "低保标准" in new.suggestion.text(), timeout=5000)  # none set yet
    new.reject()

    policy = panel.edit_policy()
    qtbot.waitUntil(lambda: policy.note.text() != "", timeout=5000)
    policy.dibao.setText("1,000")
    policy.multiplier.setText("1.5")
    save(qtbot, policy)
    policy = panel.edit_policy()  # read back
    qtbot.waitUntil(lambda: policy.dibao.text() == "1000.00", timeout=5000)
    assert policy.multiplier.text() == "1.5"
    policy.reject()

    new = panel.new_household()
    pick_member(qtbot, new.picker, "钱七")
    new.persons.table.item(0, 3).setText("1200")
    qtbot.waitUntil(lambda: "相对困难" in new.suggestion.text(), timeout=5000)
    save(qtbot, new)
    qtbot.waitUntil(lambda: texts(panel.table, HouseholdsModel.COL_CATEGORY) == ["相对困难"],
                    timeout=5000)


def test_after_a_refusal_the_pay_households_form_stays_usable(tab, qtbot, roster, db):
    add_file(db, roster["张三"])
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: texts(panel.table) == ["张三"], timeout=5000)
    select_all(panel.table)
    dialog = panel.pay_households()
    dialog.occasion.setCurrentText("金秋助学")
    # Given an amount the service refuses
    dialog.fields.amount.setText("2000000")
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "金额" in dialog.summary.text(), timeout=10_000)
    # Then the clerk can correct it and pay: every field and the button still work
    assert dialog.result is None and dialog.pay_button.isEnabled()
    assert all(w.isEnabled() for w in (dialog.occasion, *dialog.fields.widgets()))
    dialog.fields.amount.setText("500")
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert len(dialog.result.vouchers) == 1
    dialog.reject()


def test_when_every_household_is_refused_the_form_can_be_changed_and_sent_again(tab, qtbot,
                                                                                roster, db):
    add_file(db, roster["张三"])
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: texts(panel.table) == ["张三"], timeout=5000)
    select_all(panel.table)
    first = panel.pay_households()
    first.occasion.setCurrentText("金秋助学")
    first.fields.amount.setText("500")
    qtbot.mouseClick(first.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.result is not None, timeout=10_000)
    first.reject()
    # Given a second payment for the same occasion, which the only household is refused
    again = panel.pay_households()
    again.occasion.setCurrentText("金秋助学")
    again.fields.amount.setText("500")
    qtbot.mouseClick(again.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.result is not None, timeout=10_000)
    assert again.result.vouchers == [] and again.skipped.rowCount() == 1
    # Then the form stays usable: another occasion goes through
    assert again.pay_button.isEnabled()
    assert all(w.isEnabled() for w in (again.occasion, *again.fields.widgets()))
    again.occasion.setCurrentText("医疗救助")
    qtbot.mouseClick(again.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.result is not None and bool(again.result.vouchers),
                    timeout=10_000)
    assert len(again.result.vouchers) == 1
    again.reject()
