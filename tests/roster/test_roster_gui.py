"""The roster tab as a clerk uses it: add a union and a member, search, import a file with bad rows."""
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from union_desk.domain.masking import mask_id


def table_texts(tab, column=0):
    model = tab.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=10_000)
    assert dialog.error.text() == "" and dialog.result_row is not None


def test_add_union_and_member_then_search(tab, qtbot, ids):
    dialog = tab.new_union()
    dialog.name.setText("大洋镇机械厂工会")
    dialog.credit_code.setText("91110000600037341N")
    assert dialog.credit_warning.text()  # warns, does not block
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.union_table.rowCount() == 1, timeout=5000)
    assert "⚠" in tab.union_table.item(0, 0).text()

    dialog = tab.new_member()
    qtbot.waitUntil(lambda: dialog.union.count() == 1)
    dialog.name.setText("张三")
    dialog.id_number.setText(ids["A"].lower())
    assert dialog.derived.text().startswith("1990-03-07")
    dialog.phone.setText("138-0013-8000")
    dialog.employer.setText("大洋镇机械厂")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: table_texts(tab) == ["张三"], timeout=5000)
    assert table_texts(tab, 2) == [mask_id(ids["A"])]
    assert table_texts(tab, 4) == ["138****8000"]
    qtbot.waitUntil(lambda: tab.count_label.text() != "", timeout=5000)

    tab.search.setText("zs")
    qtbot.waitUntil(lambda: table_texts(tab) == ["张三"], timeout=5000)
    tab.search.setText("wang")
    qtbot.waitUntil(lambda: table_texts(tab) == [], timeout=5000)
    tab.search.setText("1380013")
    qtbot.waitUntil(lambda: table_texts(tab) == ["张三"], timeout=5000)


def test_duplicate_id_keeps_dialog_open_with_the_reason(union, add_member, ids, tab, qtbot):
    add_member(union.id)
    qtbot.waitUntil(lambda: tab.union_table.rowCount() == 1, timeout=5000)
    dialog = tab.new_member()
    qtbot.waitUntil(lambda: dialog.union.count() == 1)
    dialog.name.setText("张叁")
    dialog.id_number.setText(ids["A"])
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已登记" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible() and "张三" in dialog.error.text()


def _roster_file(path, ids):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "公民身份号码", "姓名", "联系电话", "工作单位", "所属工会", "入会时间"])
    ws.append([1, ids["A"], "张三", "13800138000", "机械厂", "大洋镇机械厂工会", "2019-05-01"])
    ws.append([2, ids["B"], "李四", "13912345678", "茶厂", "大洋镇茶厂工会", "2020/3/5"])
    ws.append([3, "110105194912310021", "王五", "13700000000", "茶厂", "大洋镇茶厂工会", ""])
    ws.append([4, ids["C"], "赵六", "123", "茶厂", "大洋镇茶厂工会", ""])
    ws.append([5, ids["A"], "张三", "13800138000", "机械厂", "大洋镇机械厂工会", "2019-05-01"])
    wb.save(path)
    return path


def test_import_file_with_bad_rows_read_rejections_save_them_and_import(tab, qtbot, tmp_path, ids):
    source = _roster_file(tmp_path / "名册.xlsx", ids)
    tab.ask_open_path = lambda: source
    dialog = tab.import_excel()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    rows = [(dialog.rejections.item(r, 0).text(), dialog.rejections.item(r, 2).text())
            for r in range(dialog.rejections.rowCount())]
    assert [r[0] for r in rows] == ["4", "5", "6"]
    assert "身份证" in rows[0][1] and "手机" in rows[1][1]

    dialog.ask_save_path = lambda: tmp_path / "rejected.xlsx"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "rejected.xlsx").exists(), timeout=5000)
    saved = list(load_workbook(tmp_path / "rejected.xlsx").active.iter_rows(values_only=True))
    assert [r[0] for r in saved[1:]] == [4, 5, 6]

    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.to_json()["new"] == 2
    qtbot.waitUntil(lambda: sorted(table_texts(tab)) == ["张三", "李四"], timeout=5000)
    qtbot.waitUntil(lambda: tab.union_table.rowCount() == 2, timeout=5000)


def test_a_list_that_does_not_say_the_union_offers_the_selected_one(db, tab, qtbot, tmp_path, ids,
                                                                    union, other_union):
    # Given two unions, the second selected in the tab, and a list without a 所属工会 column
    tab.refresh_unions()
    qtbot.waitUntil(lambda: tab.union_table.rowCount() == 2, timeout=5000)
    row = next(i for i, u in enumerate(tab.unions) if u.name == other_union.name)
    tab.union_table.setCurrentCell(row, 0)
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    book.active.append(["张三", ids["A"]])
    book.save(tmp_path / "花名册.xlsx")
    tab.ask_open_path = lambda: tmp_path / "花名册.xlsx"
    # When it is imported, the clerk is asked, the selected union offered first
    dialog = tab.import_excel()
    offered = []
    dialog.choose_union = lambda suggested: offered.append(
        (suggested, dialog.union_hint, sorted(dialog.union_names))) or dialog.union_hint
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert offered == [(None, other_union.name, sorted([union.name, other_union.name]))]
    # Then the member is imported into it
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.to_json()["new"] == 1
    qtbot.waitUntil(lambda: table_texts(tab) == ["张三"], timeout=5000)
    from union_desk.services.roster.members import search_members
    with db.session() as s:
        assert [m.union_name for m in search_members(s, text="张三")] == [other_union.name]
