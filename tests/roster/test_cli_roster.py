"""`union-desk roster import|export|search`: the JSON contract and the exit codes 0 / 3 / 1."""
import gc
import json

import pytest
from roster_books import bad_check, counts, person_id, read_book, row, write_book

from union_desk.domain.masking import mask_id
from union_desk.cli import EXIT_ERROR, EXIT_OK, EXIT_REJECTED, main


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mixed_file(tmp_path):
    """Two good rows and one with a bad check character (Excel row 4)."""
    return write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1)), row("李四", person_id(2)), row("王五", bad_check(person_id(3)))])


def test_import_json_contract_checks_without_writing(capsys, db, db_path, mixed_file):
    before = counts(db)
    code, out, _ = run(capsys, db_path, "roster", "import", mixed_file, "--json")
    assert code == EXIT_REJECTED
    data = json.loads(out)
    assert data == {"rows": 3, "valid": 2, "new": 2, "updated": 0, "unchanged": 0,
                    "rejected_rows": 1,
                    "rejected": [{"row": 4, "name": "王五", "field": "身份证号",
                                  "reason": f"身份证号校验位错误，应为 {person_id(3)[17]}"}],
                    "updates": [], "renames": [], "unions_created": ["大洋镇机械厂工会"],
                    "unread_columns": [], "hidden_rows": [], "other_townships": {}}
    assert counts(db) == before


def test_import_commit_writes_the_valid_rows_once(capsys, db, db_path, mixed_file):
    code, out, _ = run(capsys, db_path, "roster", "import", mixed_file, "--commit", "--json")
    assert (code, json.loads(out)["new"]) == (EXIT_REJECTED, 2)
    assert counts(db)["member"] == 2
    code, out, _ = run(capsys, db_path, "roster", "import", mixed_file, "--commit", "--json")
    data = json.loads(out)
    assert (code, data["new"], data["unchanged"]) == (EXIT_REJECTED, 0, 2)
    assert counts(db)["member"] == 2


def test_check_and_import_are_one_job_for_the_collector(capsys, db_path, mixed_file, monkeypatch):
    """The cycle collector stays off from the check to the end of the import (one bulk job,
    services/common/bulk.collector_paused): switched on in between, it would walk every checked
    row once more. It is back on afterwards."""
    from union_desk.services.roster import importer

    seen = []
    for name in ("check_roster_file", "commit_roster_import"):
        def spy(*args, _real=getattr(importer, name), _name=name, **kwargs):
            seen.append((_name, "starts", gc.isenabled()))
            result = _real(*args, **kwargs)
            seen.append((_name, "ends", gc.isenabled()))
            return result
        monkeypatch.setattr(importer, name, spy)
    was = gc.isenabled()
    gc.enable()  # as in a process without a window (the tests run with the window's collector)
    try:
        code, out, _ = run(capsys, db_path, "roster", "import", mixed_file, "--commit", "--json")
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
    assert (code, json.loads(out)["new"]) == (EXIT_REJECTED, 2)
    assert seen == [(name, when, False) for name in ("check_roster_file", "commit_roster_import")
                    for when in ("starts", "ends")]


def test_clean_file_exits_0_with_a_chinese_summary(capsys, db_path, tmp_path):
    path = write_book(tmp_path / "好.xlsx", [row("张三", person_id(1))])
    code, out, _ = run(capsys, db_path, "roster", "import", path, "--commit")
    assert code == EXIT_OK
    assert "共 1 行，有效 1 行（新增 1" in out and "已导入" in out and "已新建基层工会" in out


def test_summary_lists_the_rejected_rows(capsys, db_path, mixed_file):
    code, out, _ = run(capsys, db_path, "roster", "import", mixed_file)
    assert code == EXIT_REJECTED
    assert "只做了检查" in out and "第 4 行\t王五\t身份证号\t" in out


@pytest.mark.parametrize("name, content, message", [
    ("坏.xlsx", b"PK\x03\x04 truncated", "无法读取 坏.xlsx：文件已损坏"),
    ("名册.xls", b"\xd0\xcf\x11\xe0", "名册.xls：文件已损坏"),
    ("没有.xlsx", None, "找不到文件"),
])
def test_unreadable_file_exits_1_and_writes_nothing(capsys, db, db_path, tmp_path, name, content,
                                                     message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = counts(db)
    code, out, err = run(capsys, db_path, "roster", "import", path, "--commit", "--json")
    assert (code, out) == (EXIT_ERROR, "")
    assert message in err
    assert counts(db) == before


def test_a_missing_database_is_not_created(capsys, tmp_path, mixed_file):
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, missing, "roster", "import", mixed_file, "--commit")
    assert code == EXIT_ERROR and "数据库文件不存在" in err
    assert not missing.exists()


def test_export_masked_and_revealed(capsys, db, db_path, mixed_file, tmp_path):
    run(capsys, db_path, "roster", "import", mixed_file, "--commit")
    code, out, _ = run(capsys, db_path, "roster", "export", tmp_path / "m.xlsx")
    assert code == EXIT_OK and "已导出 2 名会员" in out
    masked = {r[0]: r[3] for r in read_book(tmp_path / "m.xlsx")[1:]}
    assert masked["张三"] == mask_id(person_id(1))
    code, out, _ = run(capsys, db_path, "roster", "export", tmp_path / "f.xlsx", "--reveal",
                       "--reason", "核对社保名单", "--union", "大洋镇机械厂工会", "--status", "在册")
    assert code == EXIT_OK and "审计" in out
    assert {r[0]: r[3] for r in read_book(tmp_path / "f.xlsx")[1:]}["张三"] == person_id(1)
    code, _, err = run(capsys, db_path, "roster", "export", tmp_path / "x.xlsx", "--union", "无此工会")
    assert code == EXIT_ERROR and "无此工会" in err


def test_search_prints_masked_rows(capsys, db_path, mixed_file):
    run(capsys, db_path, "roster", "import", mixed_file, "--commit")
    code, out, _ = run(capsys, db_path, "roster", "search", "zs", "--json")
    [item] = json.loads(out)
    assert code == EXIT_OK
    assert (item["name"], item["phone"], item["union"]) == ("张三", "138****8000", "大洋镇机械厂工会")
    assert item["id_number"] == mask_id(person_id(1))
    code, out, _ = run(capsys, db_path, "roster", "search", person_id(2))
    assert code == EXIT_OK and "李四" in out and person_id(2) not in out and "共找到 1 名会员" in out


def test_import_takes_any_format_and_the_sheet_by_name(capsys, db, db_path, tmp_path, union):
    from roster_books import HEADER
    from sheet_files import write_xls

    path = write_xls(tmp_path / "名册.xls", {"2024年": [HEADER, row("张三", person_id(1))],
                                            "2025年": [HEADER, row("李四", person_id(2))]})
    code, out, err = run(capsys, db_path, "roster", "import", path)
    assert code == EXIT_ERROR and "--sheet" in err and "“2024年”、“2025年”" in err
    code, out, _ = run(capsys, db_path, "roster", "import", path, "--sheet", "2025年", "--json")
    assert code == EXIT_OK and json.loads(out)["new"] == 1


def test_a_list_without_a_union_column_is_imported_into_the_union_named(capsys, db, db_path,
                                                                       tmp_path):
    # Given one union's own list: its name in the title, no 所属工会 column
    path = write_book(tmp_path / "花名册.xlsx", title="大洋镇机械厂工会会员花名册",
                      header=["姓名", "身份证号", "手机"],
                      rows=[["张三", person_id(1), "13800138000"], ["李四", person_id(2), None]])
    # When it is imported without saying the union, the clerk is told how to say it
    code, _, err = run(capsys, db_path, "roster", "import", path, "--commit")
    assert code == EXIT_ERROR and "没有“所属工会”列" in err and "--union" in err
    assert counts(db)["member"] == 0
    # And with --union, every member of the list is in that union (made, when new)
    code, out, _ = run(capsys, db_path, "roster", "import", path, "--union", " 大洋镇机械厂工会 ",
                       "--commit", "--json")
    data = json.loads(out)
    assert (code, data["new"], data["unions_created"]) == (EXIT_OK, 2, ["大洋镇机械厂工会"])
    code, out, _ = run(capsys, db_path, "roster", "search", "张三", "--json")
    assert json.loads(out)[0]["union"] == "大洋镇机械厂工会"
