"""The headless contract: trips add-bus | import | assign | manifest."""
import json

import pytest

from trips_helpers import CAMPAIGN, list_row, make_id, write_list
from union_desk.cli import main
from union_desk.domain.masking import mask_id
from union_desk.reports.pdfcheck import pdf_fonts, pdf_text


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lists(tmp_path):
    good = [list_row(1, "张三"), list_row(2, "李四", county="黄平县"),
            list_row(3, "王五", province="湖北省", city="恩施州", county="利川市"),
            list_row(4, "赵六")]
    return {"good": write_list(tmp_path / "good.xlsx", good),
            "mixed": write_list(tmp_path / "mixed.xlsx",
                                good + [list_row(5, "钱七", phone="123")])}


def test_add_bus_creates_the_campaign_once(capsys, db, db_path):
    code, out, _ = run(capsys, db_path, "trips", "add-bus", "--campaign", CAMPAIGN, "--plate",
                       "浙A12345", "--seats", 3, "--destination", "贵州黔东南",
                       "--departs", "2021-02-01 07:30", "--stops", "凯里,黄平")
    assert code == 0 and "浙A12345" in out and "第 1 车" in out and "2021-02-01 07:30" in out
    code, out, _ = run(capsys, db_path, "trips", "add-bus", "--campaign", CAMPAIGN, "--plate",
                       "浙A22345", "--seats", 2, "--destination", "湖北恩施",
                       "--departs", "2021-02-01 08:00")
    assert code == 0 and "第 2 车" in out
    code, _, err = run(capsys, db_path, "trips", "add-bus", "--campaign", CAMPAIGN, "--plate",
                       "浙A32345", "--seats", 2, "--destination", "湖北恩施",
                       "--departs", "明天早上")
    assert code == 1 and "YYYY-MM-DD HH:MM" in err
    code, _, err = run(capsys, db_path, "trips", "add-bus", "--campaign", CAMPAIGN, "--plate",
                       "浙A12345", "--seats", 2, "--destination", "湖北恩施",
                       "--departs", "2021-02-01 08:00")
    assert code == 1 and "已有车辆" in err


def test_import_exit_codes_and_report_then_assign_and_manifest(capsys, db, db_path, lists,
                                                               tmp_path):
    for plate, seats, dest, stops in (("浙A12345", 3, "贵州黔东南", "凯里,黄平"),
                                      ("浙A22345", 2, "湖北恩施", "")):
        assert run(capsys, db_path, "trips", "add-bus", "--campaign", CAMPAIGN, "--plate", plate,
                   "--seats", seats, "--destination", dest, "--departs", "2021-02-01 07:30",
                   "--stops", stops)[0] == 0
    code, out, _ = run(capsys, db_path, "trips", "import", lists["mixed"], "--campaign", CAMPAIGN,
                       "--json")
    assert code == 3
    assert json.loads(out) == {"rows": 5, "valid": 4, "new": 4, "updated": 0, "unchanged": 0,
                               "rejected_rows": 1, "updates": [], "placements": [],
                               "unread_columns": [], "hidden_rows": [], "other_townships": {},
                               "rejected": [{"row": 7, "name": "钱七", "field": "手机",
                                             "reason": "手机号应为11位数字，以13–19开头：123"}]}
    code, out, _ = run(capsys, db_path, "trips", "import", lists["good"], "--campaign", CAMPAIGN,
                       "--commit", "--json")
    assert (code, json.loads(out)["new"]) == (0, 4)
    code, out, _ = run(capsys, db_path, "trips", "import", lists["mixed"], "--campaign", CAMPAIGN,
                       "--commit", "--json")
    assert code == 3 and json.loads(out)["new"] == 0 and json.loads(out)["unchanged"] == 4
    code, _, err = run(capsys, db_path, "trips", "import", tmp_path / "missing.xlsx",
                       "--campaign", CAMPAIGN)
    assert code == 1 and "找不到文件" in err

    code, out, _ = run(capsys, db_path, "trips", "assign", "--campaign", CAMPAIGN, "--json")
    report = json.loads(out)
    assert code == 0 and report["seated_now"] == 4
    assert [(b["plate"], [(p["seat"], p["name"]) for p in b["passengers"]])
            for b in report["buses"]] == [("浙A12345", [(1, "张三"), (2, "赵六"), (3, "李四")]),
                                          ("浙A22345", [(1, "王五")])]
    assert report["waiting"] == []
    assert report["buses"][0]["passengers"][0]["id_number"] == mask_id(make_id(1))
    code, out, _ = run(capsys, db_path, "trips", "assign", "--campaign", CAMPAIGN)
    assert code == 0 and "本次排座 0 人" in out and "浙A22345" in out and "候补名单：0 人" in out

    pdf = tmp_path / "one.pdf"
    code, out, _ = run(capsys, db_path, "trips", "manifest", "--campaign", CAMPAIGN,
                       "--bus", "浙a22345", "--out", pdf)
    text = pdf_text(pdf)
    assert code == 0 and "1 页" in out
    assert "王五" in text and "张三" not in text and make_id(3) not in text
    assert all(embedded for _, embedded in pdf_fonts(pdf))
    code, _, err = run(capsys, db_path, "trips", "manifest", "--campaign", CAMPAIGN,
                       "--bus", "浙A99999", "--out", pdf)
    assert code == 1 and "浙A99999" in err
    code, _, err = run(capsys, db_path, "trips", "assign", "--campaign", "不存在的活动")
    assert code == 1 and "不存在的活动" in err


def test_import_into_a_new_campaign_creates_it_only_on_commit(capsys, db, db_path, lists):
    from union_desk.services.trips import campaigns as trips

    code, out, _ = run(capsys, db_path, "trips", "import", lists["good"], "--campaign", "2022 返岗")
    assert code == 0 and "只做了检查" in out
    with db.session() as s:
        assert trips.find_campaign(s, name="2022 返岗") is None
    code, out, _ = run(capsys, db_path, "trips", "import", lists["good"], "--campaign", "2022 返岗",
                       "--commit")
    assert code == 0 and "新增 4" in out and "已导入有效的行" in out
    with db.session() as s:
        assert trips.find_campaign(s, name="2022 返岗").registered == 4


def test_import_says_where_a_one_column_destination_was_placed(capsys, db, db_path, tmp_path):
    from sheet_files import write_any

    path = write_any(tmp_path / "名单.csv", {"名单": [["姓名", "身份证号", "手机号码", "去向"]] + [
        [f"工人{i}", make_id(i), f"138{i:08d}", place]
        for i, place in enumerate(["恩施", "贵州黔东南", "湖北恩施州"], start=1)]},
        encoding="gbk")
    code, out, _ = run(capsys, db_path, "trips", "import", path, "--campaign", CAMPAIGN)
    assert code == 0
    assert out.splitlines()[2:] == [
        "目的地由一列文字认定为（请核对）：",
        "  湖北省 恩施土家族苗族自治州\t← 恩施、湖北恩施州\t2 行，首见第 2 行",
        "  贵州省 黔东南苗族侗族自治州\t← 贵州黔东南\t1 行，首见第 3 行"]
    code, out, _ = run(capsys, db_path, "trips", "import", path, "--campaign", CAMPAIGN, "--json")
    assert json.loads(out)["placements"][0] == {
        "place": "湖北省 恩施土家族苗族自治州", "rows": 2, "first_row": 2,
        "written": ["恩施", "湖北恩施州"], "more_written": 0}
