"""No export writes a cell a spreadsheet would run: text starting with = + - @ (or a tab or a
carriage return) comes back from the saved file as the same text, in a text cell with Excel's
quote prefix — the roster export, the trips manifest export and the rejected-rows lists."""
from openpyxl import load_workbook
from roster_books import HEADER, person_id, row

from union_desk.models.member import MemberCreate
from union_desk.models.union import UnionCreate
from union_desk.services.common.xlsx_text import FORMULA_STARTS
from union_desk.services.roster import members, unions
from union_desk.services.roster.export import export_roster
from union_desk.services.roster.importer import check_roster_file, save_rejections

TRAPS = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 571 1234", "-2+3", "@SUM(A1:A9)"]


def cells(path):
    book = load_workbook(path)
    return [c for sheet in book.worksheets for r in sheet.iter_rows() for c in r
            if isinstance(c.value, str)]


def assert_safe(path, expected):
    found = {c.value: c for c in cells(path) if c.value.startswith(FORMULA_STARTS)}
    for text in expected:
        assert text in found, text
        assert found[text].data_type == "s" and found[text].quotePrefix, text
    assert all(c.data_type != "f" for c in cells(path))


def test_roster_export_writes_formula_like_text_as_text(db, tmp_path):
    with db.session(write=True) as s:
        union = unions.create_union(s, data=UnionCreate(name="=1+1工会"))
        for i, employer in enumerate(TRAPS, start=1):
            members.add_member(s, data=MemberCreate(name=f"张{i}", id_number=person_id(i),
                                                    union_id=union.id, employer=employer))
    path = tmp_path / "名册.xlsx"
    with db.session() as s:
        export_roster(s, path=path)
    assert_safe(path, [*TRAPS, "=1+1工会"])


def test_the_rejected_rows_list_gives_back_the_clerks_cells_as_text(db, tmp_path, union):
    # a CSV list's cells are text: a "name" =cmd|… would otherwise become a formula
    path = tmp_path / "名册.csv"
    lines = [HEADER, row("=cmd|' /C calc'!A0", "123"),
             row("李四", "-1", employer="@SUM(1)", union="\t=1+1")]
    path.write_text("\r\n".join(",".join(f'"{v}"' if v else "" for v in line) for line in lines),
                    encoding="utf-8")
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    assert plan.rows == 2 and len({r.row for r in plan.rejected}) == 2
    out = save_rejections(plan, tmp_path / "未导入.xlsx")
    assert_safe(out, ["=cmd|' /C calc'!A0", "-1", "@SUM(1)", "\t=1+1"])
