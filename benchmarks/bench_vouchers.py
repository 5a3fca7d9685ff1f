"""335 condolence vouchers (two per A4 page) plus their sign-off sheet to one PDF, beside
reportlab drawing the same pages bare: same font, the same strings (read back from the real PDF
page by page) drawn with plain drawString, no layout. Best of 3 each; target ≤ 3 s.

    python benchmarks/bench_vouchers.py [--count 335] [--layout A4x2|A5]

Prints one Markdown table row:
| case | pages | union_desk s | bare reportlab s | ratio | target |
"""

from __future__ import annotations

import argparse
import io
import time
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from union_desk.domain.idcard import check_char
from union_desk.reports.fonts import register_cjk_font
from union_desk.reports.pdfcheck import pdf_page_count
from union_desk.reports.signoff import SignoffData, SignoffLine, render_vouchers_and_signoff
from union_desk.reports.voucher import VoucherData, voucher_check

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "桂芳", "志强", "丽娟", "海燕", "国平", "小红", "建华", "玉兰", "德明")
UNITS = ("大洋镇中心小学", "建德市大洋镇人民政府", "浙江建德大洋竹木制品有限公司",
         "大洋镇卫生院", "建德市大洋镇环境卫生管理站", "大洋镇农贸市场")
TARGET_S = 3.0


def sample(count: int) -> tuple[list[VoucherData], SignoffData]:
    vouchers, lines = [], []
    for i in range(count):
        first17 = f"330182{1950 + i % 50:04d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        id_number = first17 + check_char(first17)
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)]
        number = f"大洋镇-2021-{i + 1:04d}"
        amount = 200000
        v = VoucherData(
            township_union="大洋镇总工会", voucher_no=number, paid_on=date(2021, 1, 15),
            occasion="春节送温暖", recipient=name, id_number=id_number,
            unit=UNITS[i % len(UNITS)], category=("深度困难", "相对困难", "意外致困")[i % 3],
            amount_fen=amount, method=("现金", "银行转账")[i % 2], handler="王晓燕",
            reviewer="李明", approver="陈志强", check=voucher_check(number, amount, "bench"))
        vouchers.append(v)
        lines.append(SignoffLine(name, id_number, v.unit, amount, number))
    signoff = SignoffData("大洋镇总工会", "2021年春节送温暖慰问金签收表", "春节送温暖",
                          "2021年1月15日", lines, "王晓燕", "李明", "陈志强")
    return vouchers, signoff


def bare(pages: list[list[str]]) -> bytes:
    """The same strings per page, drawn with plain drawString in the same font, no layout."""
    font = register_cjk_font()
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    for strings in pages:
        c.setFont(font, 10)
        y = A4[1] - 20
        for s in strings:
            c.drawString(20, y, s)
            y = y - 6 if y > 30 else A4[1] - 20
        c.showPage()
    c.save()
    return out.getvalue()


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=335)
    parser.add_argument("--layout", choices=("A4x2", "A5"), default="A4x2")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    vouchers, signoff = sample(args.count)
    register_cjk_font()

    def ours() -> bytes:
        out = io.BytesIO()
        render_vouchers_and_signoff(vouchers, signoff, out, layout=args.layout)
        return out.getvalue()

    pdf = ours()  # warm-up, and the strings for the bare run
    page_count = pdf_page_count(pdf)
    from pypdf import PdfReader

    pages = [(p.extract_text() or "").splitlines() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == page_count
    t_ours = best_of(args.runs, ours)
    t_bare = best_of(args.runs, lambda: bare(pages))
    verdict = "✓" if t_ours <= TARGET_S else "✗"
    print(f"| {args.count} vouchers ({args.layout}) + sign-off sheet | {page_count} | "
          f"{t_ours:.2f} | {t_bare:.2f} | {t_ours / t_bare:.1f}× | ≤ {TARGET_S:.0f} s {verdict} |")


if __name__ == "__main__":
    main()
