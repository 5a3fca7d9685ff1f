"""CI's check of the built program's imports (.ci/run, step "bundle: lists in every format"):
the same roster written in each format clerks are sent, and a trips list whose destination is
one column, each checked by the built CLI — so the frozen program carries every reader
(python-calamine, the text, web-page and Excel 2003 XML readers, pyexpat) and the division
table, and each gives the same rows.

    python packaging/bundle_imports.py CLI DATABASE FOLDER

Run with the development environment's Python from the repository (it writes the files with
the tests' writers); exits non-zero, saying why, when any file is not read as expected.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "roster"))

from roster_books import HEADER, person_id, row  # noqa: E402
from sheet_files import write_any  # noqa: E402

FORMATS = [("名册.xlsx", {}), ("名册.xls", {}), ("名册.xlsb", {}), ("名册.ods", {}),
           ("名册.csv", {"encoding": "gbk"}), ("名册.txt", {"encoding": "utf-16", "delimiter": "\t"}),
           ("网页名册.xls", {"html": "gb2312"}), ("名册2003.xml", {"xml2003": True})]
PLACES = {"贵州省黔东南苗族侗族自治州榕江县古州镇": ["贵州省", "黔东南苗族侗族自治州", "榕江县"],
          "恩施": ["湖北省", "恩施土家族苗族自治州", ""],
          "重庆市开县汉丰街道": ["重庆市", "", "开州区"]}


def run(cli: str, *args: str) -> dict:
    done = subprocess.run([cli, *args, "--json"], capture_output=True, text=True,
                          encoding="utf-8")
    if done.returncode not in (0, 3):  # 3: some row rejected
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return json.loads(done.stdout)


def main(cli: str, database: str, folder: str) -> None:
    out = Path(folder)
    roster = [["大洋镇工会会员名册"], HEADER, row("张三", person_id(1)), row("李四", person_id(2)),
              row("王五", person_id(3)[:17] + "0")]
    for name, options in FORMATS:
        got = run(cli, "--db", database, "roster", "import",
                  str(write_any(out / name, {"会员名册": roster}, **options)))
        rejected = [(r["row"], r["field"]) for r in got["rejected"]]
        if (got["rows"], got["valid"], rejected) != (3, 2, [(5, "身份证号")]):
            raise SystemExit(f"{name}: {got}")
        print(f"{name}: 3 rows, 2 valid, row 5 rejected")
    subprocess.run([cli, "--db", database, "trips", "add-bus", "--campaign", "构建检查",
                    "--plate", "浙A00001", "--seats", "40", "--destination", "贵州黔东南",
                    "--departs", "2027-02-01 08:00"], check=True, capture_output=True)
    workers = [["姓名", "身份证号", "手机号码", "家庭住址"]] + [
        [f"工人{i}", person_id(100 + i), f"1380000{i:04d}", place]
        for i, place in enumerate(PLACES, start=1)]
    got = run(cli, "--db", database, "trips", "import", "--campaign", "构建检查", "--commit",
              str(write_any(out / "工人名单.xls", {"名单": workers})))
    if got.get("rejected") or got.get("new") != len(PLACES):
        raise SystemExit(f"trips import: {got}")
    with sqlite3.connect(database) as con:
        placed = {name: list(place) for name, *place in con.execute(
            "SELECT name, province, city, county FROM trip_registration WHERE name LIKE '工人%'")}
    expected = {f"工人{i}": place for i, place in enumerate(PLACES.values(), start=1)}
    if placed != expected:
        raise SystemExit(f"trips import placed {placed}, not {expected}")
    print(f"trips list: {len(PLACES)} one-column destinations placed and imported")


if __name__ == "__main__":
    main(*sys.argv[1:4])
