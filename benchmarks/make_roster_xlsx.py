"""Generate an N-row Chinese member roster workbook, as a township clerk keeps it.

    python benchmarks/make_roster_xlsx.py /tmp/roster.xlsx --rows 10000 [--bad 20] [--seed 1]

Valid 18-digit ID numbers (GB 11643 check character), mobile phones, Chinese names, a dozen
grassroots unions; a title row above the header, as real rosters have.  With --bad N, N rows
spread through the file carry one typical mistake each (wrong check character, short phone,
bad date, duplicate ID, gender contradicting the ID, ID stored as an Excel number).
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from union_desk.domain.idcard import check_char

HEADER = ["序号", "姓名", "性别", "民族", "身份证号", "手机号码", "工作单位", "所属工会", "入会时间",
          "会员证号", "是否农民工", "户口类型"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志海燕红梅晓东丹玉春文彬鑫宇浩然子涵思远欣怡佳琪"
UNITS = ["建德市新安化工集团", "浙江大洋生物科技", "建德市航空小镇运营公司", "千岛湖啤酒建德分厂",
         "建德市严州水泥厂", "浙江寿昌纺织", "建德市环卫服务中心", "杭州建德顺达物流",
         "建德市梅城古镇旅游公司", "浙江乾潭竹木制品", "建德市人民医院", "建德市下涯茶叶合作社"]
AREAS = ["330182"] * 6 + ["522601", "422801", "411302", "411502", "341202"]
HUKOU = ["农业", "非农业", "居民"]
BAD_KINDS = ["check_char", "phone", "date", "duplicate", "gender", "id_as_number"]


def make_id(rng: random.Random, used: set[str]) -> tuple[str, date]:
    while True:
        born = date(1962, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        first17 = f"{rng.choice(AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + check_char(first17)
        if number not in used:
            used.add(number)
            return number, born


def make_rows(count: int, *, bad: int = 0, seed: int = 1) -> list[list]:
    """The data rows (without header); `bad` of them broken in one of BAD_KINDS each."""
    rng = random.Random(seed)
    used: set[str] = set()
    rows = []
    for i in range(count):
        number, born = make_id(rng, used)
        unit = UNITS[i % len(UNITS)]
        joined = min(date.today(), max(born + timedelta(days=18 * 366), date(2008, 1, 1))
                     + timedelta(days=rng.randrange(4000)))
        rows.append([i + 1, rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
                     "男" if int(number[16]) % 2 else "女", "汉族" if rng.random() < 0.95 else "畲族",
                     number, f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}", unit,
                     f"{unit}工会", joined, f"JD{i + 1:07d}",
                     "是" if number[:6] != "330182" else "否", rng.choice(HUKOU)])
    step = max(1, count // bad) if bad else 0
    for k in range(min(bad, count)):
        _break(rows, k * step, BAD_KINDS[k % len(BAD_KINDS)])
    return rows


def _break(rows: list[list], i: int, kind: str) -> None:
    row = rows[i]
    if kind == "check_char":
        row[4] = row[4][:17] + ("0" if row[4][17] != "0" else "1")
    elif kind == "phone":
        row[5] = row[5][:7]
    elif kind == "date":
        row[8] = "2021-13-45"
    elif kind == "duplicate" and i > 0:
        row[4] = rows[i - 1][4]
        row[2] = rows[i - 1][2]
    elif kind == "gender":
        row[2] = "女" if row[2] == "男" else "男"
    elif kind == "id_as_number":
        row[4] = float(row[4][:17] + "0") if row[4][17] != "X" else 3.30182199001011e17


def write_roster(path: str | Path, rows: list[list], *, title: str | None = "大洋镇工会会员名册") -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员名册")
    if title:
        sheet.append([title])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return Path(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bad", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_roster(args.path, make_rows(args.rows, bad=args.bad, seed=args.seed))
    print(f"{args.path}: {args.rows} rows ({args.bad} bad)")


if __name__ == "__main__":
    main()
