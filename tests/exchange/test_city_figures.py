"""City figures: the whole city and one row per township, missing townships shown as missing;
the same table to Excel and to a PDF; the commands' exit codes."""
import json
from datetime import date


from exchange_helpers import export, merge, populate
from union_desk.services.city.figures import MISSING, city_report


def _two_townships(city, township, tmp_path):
    city_db, _ = city
    for code, serial, paid in (("DY", 1, 50_000), ("QT", 200, 30_000)):
        db = township(code)
        populate(db, members=3 if code == "DY" else 2, first_serial=serial, paid_fen=paid)
        export(db, tmp_path / f"{code}.udx")
    merge(city_db, tmp_path / "DY.udx", tmp_path / "QT.udx")
    return city_db


def test_city_report_per_township_with_missing_ones_and_total(city, township, tmp_path):
    # Given 大洋镇 (3 members joined in 2025) and 乾潭镇 (2) merged, 14 townships silent
    city_db = _two_townships(city, township, tmp_path)
    with city_db.session() as s:
        report = city_report(s, year=2025)
    rows = {r[0]: r for r in report.table()}
    # Then each present township has its own figures, the silent ones are missing, not zero
    assert len(report.townships) == 16 and len(rows) == 17
    assert rows["大洋镇"][2] == "3" and rows["乾潭镇"][2] == "2"
    assert rows["新安江街道"][1:12] == [MISSING] * 11
    assert len(report.missing) == 14 and "新安江街道" in report.missing
    assert report.total.members_new == 5 and rows["合计"][2] == "5"
    assert report.city == "建德市总工会"
    # A year after the packages were made: nobody has reported it yet
    with city_db.session() as s:
        later = city_report(s, year=date.today().year + 1)
    assert len(later.missing) == 16


def test_city_report_figures_match_each_townships_own(city, township, tmp_path):
    from union_desk.services.year_report import year_report

    city_db, _ = city
    dy = township("DY")
    from union_desk.services.demo.generate import make_demo
    with dy.session(write=True) as s:
        make_demo(s, size=80)
    export(dy, tmp_path / "dy.udx")
    merge(city_db, tmp_path / "dy.udx")
    year = date.today().year
    with dy.session() as s:
        own = year_report(s, year=year)
    with city_db.session() as s:
        line = {t.code: t for t in city_report(s, year=year).townships}["DY"]
    assert line.report.model_dump(exclude={"township"}) == own.model_dump(exclude={"township"})


def test_stats_command_excel_and_pdf(city, township, tmp_path, capsys):
    from openpyxl import load_workbook

    from union_desk.cli import main
    from union_desk.reports.pdfcheck import pdf_fonts, pdf_text

    city_db = _two_townships(city, township, tmp_path)
    year = date.today().year
    xlsx, pdf = tmp_path / "city.xlsx", tmp_path / "city.pdf"
    assert main(["--db", str(city_db.path), "stats", "--year", str(year), "--excel", str(xlsx),
                 "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "建德市总工会" in out and "新安江街道\t未报送" in out and "合计" in out
    sheet = load_workbook(xlsx).active  # --excel: the old spelling of --xlsx (the year report)
    assert sheet.title == "各乡镇" and sheet.freeze_panes == "A2"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "乡镇（街道）" and values[1][0] == "新安江街道" and values[1][1] == MISSING
    assert [r[0] for r in values].count("合计") == 1
    text = pdf_text(pdf)
    assert "建德市总工会" in text and "大洋镇" in text and "未报送" in text and "合计" in text
    assert pdf_fonts(pdf) and all(embedded for _, embedded in pdf_fonts(pdf))
    assert main(["--db", str(city_db.path), "stats", "--year", str(year), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["townships"]) == 16 and len(data["missing"]) == 14


def test_merge_command_exit_codes(city, township, tmp_path, capsys):
    from union_desk.cli import main

    city_db, _ = city
    dy = township("DY")
    populate(dy)
    export(dy, tmp_path / "dy.udx")
    (tmp_path / "junk.udx").write_bytes(b"junk")
    assert main(["--db", str(city_db.path), "exchange", "merge", str(tmp_path / "dy.udx")]) == 0
    assert main(["--db", str(city_db.path), "exchange", "merge", str(tmp_path / "junk.udx"),
                 str(tmp_path / "dy.udx"), "--json"]) == 1
    results = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert [r["outcome"] for r in results] == ["已拒收", "已合并"]
    assert main(["--db", str(city_db.path), "exchange", "history", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [h["outcome"] for h in history][:2] == ["已合并", "已拒收"]
    assert "junk.udx" in history[1]["reason"]
    # a township database merges nothing
    assert main(["--db", str(dy.path), "exchange", "merge", str(tmp_path / "dy.udx")]) == 1
    assert "不是市总工会的数据库" in capsys.readouterr().err


def test_the_commands_from_city_init_to_resolved_review(blank, tmp_path, capsys):
    """The README's steps, headless: city init, city-keys, trust-city (fingerprint shown),
    export, merge, review, resolve."""
    from union_desk.cli import main

    city, key = blank("city.sqlite3"), tmp_path / "city-key.json"
    assert main(["--db", str(city), "city", "init", "--name", "建德市总工会", "--clerk", "李会计"]) == 0
    fingerprint = capsys.readouterr().out.split("指纹 ")[1].split()[0]
    assert main(["--db", str(city), "exchange", "city-keys", str(key)]) == 0
    assert fingerprint in capsys.readouterr().out
    for code in ("DY", "QT"):
        town = blank(f"{code}.sqlite3")
        assert main(["--db", str(town), "setup", "--township", code, "--clerk", "经办人"]) == 0
        assert main(["--db", str(town), "exchange", "trust-city", str(key)]) == 0
        assert fingerprint in capsys.readouterr().out
        from union_desk.db import open_database
        db = open_database(town)
        populate(db, members=1)
        db.close()
        assert main(["--db", str(town), "exchange", "export", str(tmp_path / f"{code}.udx")]) == 0
    assert main(["--db", str(city), "exchange", "merge", str(tmp_path / "DY.udx"),
                 str(tmp_path / "QT.udx")]) == 0
    capsys.readouterr()
    assert main(["--db", str(city), "exchange", "review", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["kind"] == "两地在册"
    assert main(["--db", str(city), "exchange", "resolve", item["id"], "--reason", "已核实"]) == 0
    assert main(["--db", str(city), "exchange", "review"]) == 0
    assert "复核清单是空的" in capsys.readouterr().out
    # the city's township records are read-only from the commands too
    assert main(["--db", str(city), "setup", "--township", "DY", "--clerk", "x"]) == 1


def test_city_init_makes_a_new_file_as_setup_does(tmp_path, capsys):
    # Given no file yet (the city office's first step); When city init runs Then the file is made
    from union_desk.cli import main

    city = tmp_path / "市总" / "全市.sqlite3"
    assert main(["--db", str(city), "city", "init", "--name", "建德市总工会"]) == 0
    assert city.is_file() and "市总工会公钥指纹" in capsys.readouterr().out
    assert main(["--db", str(city), "check"]) == 0
