"""The import window asks which sheet when several look like the list, and which union when the
list does not say it, then checks again; a question declined says why nothing was checked."""
import pytest
from roster_books import HEADER, person_id, row
from sheet_files import write_xlsx

from union_desk.views.ops import Ops
from union_desk.views.roster.import_dialog import RosterImportDialog

WAIT = 10_000


def test_the_clerk_picks_one_of_two_sheets_that_look_like_the_list(db, qtbot, tmp_path, union):
    path = write_xlsx(tmp_path / "名册.xlsx", {
        "2024年": [HEADER, row("张三", person_id(1))],
        "2025年": [HEADER, row("张三", person_id(1)), row("李四", person_id(2))]})
    ops = Ops(db)
    asked = []
    dialog = RosterImportDialog(ops, path)   # the check starts at once, off the GUI thread
    qtbot.addWidget(dialog)
    dialog.choose_sheet = lambda names: asked.append(names) or "2025年"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    assert asked == [["2024年", "2025年"]] and dialog.sheet == "2025年"
    assert dialog.plan.rows == 2 and dialog.commit_button.isEnabled()
    ops.wait()


@pytest.mark.parametrize("sheets, question, says", [
    ({"甲": [HEADER], "乙": [HEADER]}, "choose_sheet", "都像名单"),
    ({"名单": [["姓名", "身份证号"], ["张三", person_id(1)]]}, "choose_union", "没有“所属工会”列"),
])
def test_declining_the_question_says_why_nothing_was_checked(db, qtbot, tmp_path, union, sheets,
                                                             question, says):
    path = write_xlsx(tmp_path / "名册.xlsx", sheets)
    ops = Ops(db)
    dialog = RosterImportDialog(ops, path)
    qtbot.addWidget(dialog)
    setattr(dialog, question, lambda offered: None)   # the clerk cancels the question
    qtbot.waitUntil(lambda: says in dialog.summary.text(), timeout=WAIT)
    assert not dialog.commit_button.isEnabled()
    ops.wait()


def test_a_list_without_a_union_column_asks_which_union(db, qtbot, tmp_path, union):
    # Given one union's own list, without a 所属工会 column
    path = write_xlsx(tmp_path / "花名册.xlsx", {"名单": [
        ["大洋镇机械厂工会会员花名册"], ["姓名", "身份证号"], ["张三", person_id(1)]]})
    ops = Ops(db)
    asked = []
    dialog = RosterImportDialog(ops, path, union_names=["甲工会", union.name],
                                union_hint="甲工会")
    qtbot.addWidget(dialog)
    # When the check stops at the missing column, the clerk is offered the union the title
    # names, and picks it
    dialog.choose_union = lambda suggested: asked.append(suggested) or suggested
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    # Then every row is that union's, and the summary says so
    assert asked == [union.name] and dialog.union == union.name
    assert [c.union_name for c in dialog.plan.candidates] == [union.name]
    assert f"every member is imported into {union.name}" in dialog.summary.text()
    assert dialog.commit_button.isEnabled()
    ops.wait()

