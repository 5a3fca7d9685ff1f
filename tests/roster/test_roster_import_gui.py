"""The roster import window: updates shown before → after, rejected rows with the person's name,
and a real name change confirmed row by row before anything is written."""
import os

import sqlalchemy as sa
from PySide6.QtCore import Qt
from roster_books import bad_check, person_id, row, write_book

from union_desk.models.member import Member

CHEN = person_id(2)


def cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_a_name_change_is_imported_only_once_ticked(db, tab, qtbot, tmp_path, union, add_member):
    # Given 陈晓兰 and 张三 on file, and a file renaming her, changing 张三's phone, one bad row
    add_member(union.id, name="陈晓兰", id_number=CHEN, card_no="DY0009")
    add_member(union.id)
    zhang = on_file_id(db, "张三")
    path = write_book(tmp_path / "名册.xlsx", [
        row("陈小兰", CHEN), row("张三", zhang, phone="13900139000", joined="2015-03-01", hukou=None,
            card="DY0001"),
        row("王五", bad_check(person_id(5)), phone="123"), row("李四", person_id(4))])
    tab.ask_open_path = lambda: path
    dialog = tab.import_excel()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)

    # Then: the rename is a rejected row, with every problem of 王五 and the names
    assert cells(dialog.rejections, 0) == ["2", "4", "4"]
    assert cells(dialog.rejections, 1) == ["陈小兰", "王五", "王五"]
    assert "身份证号已登记为 陈晓兰，姓名不符" in cells(dialog.rejections, 3)[0]
    assert cells(dialog.updates, 2) == ["手机：138****8000 → 139****9000"]
    assert cells(dialog.renames, 1) == ["2"] and "姓名：陈晓兰 → 陈小兰" in cells(dialog.renames, 2)[0]
    assert "1 new, 1 updated, 0 unchanged, 2 rejected" in dialog.summary.text() or \
        "新增 1" in dialog.summary.text()
    if os.environ.get("UNION_DESK_SHOTS"):
        dialog.grab().save(str(tmp_path / "import-check.png"))

    # When the clerk ticks the name change, it leaves the rejected rows and becomes an update
    dialog.renames.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert cells(dialog.rejections, 0) == ["4", "4"]
    assert len(cells(dialog.updates, 0)) == 2
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert (dialog.report.new, dialog.report.updated) == (1, 2)
    assert on_file_name(db, CHEN) == "陈小兰"


def test_an_unticked_name_change_is_not_written(db, tab, qtbot, tmp_path, union, add_member):
    add_member(union.id, name="陈晓兰", id_number=CHEN, card_no="DY0009")
    path = write_book(tmp_path / "名册.xlsx", [row("张三冒名", CHEN), row("李四", person_id(4))])
    tab.ask_open_path = lambda: path
    dialog = tab.import_excel()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert (dialog.report.new, dialog.report.updated, dialog.report.rejected_rows) == (1, 0, 1)
    assert on_file_name(db, CHEN) == "陈晓兰"


def on_file_id(db, name):
    with db.session() as s:
        return s.execute(sa.select(Member.id_number).where(Member.name == name)).scalar_one()


def on_file_name(db, number):
    with db.session() as s:
        return s.execute(sa.select(Member.name).where(Member.id_number == number)).scalar_one()
