"""335 condolence vouchers (two per A4 page) plus their sign-off sheet to one PDF, beside
reportlab drawing the same pages bare. Best of --runs each, wall-clock and CPU seconds.

The floor replays, on a plain reportlab canvas, every drawing call the real run made on its
canvas, page by page: the same strings at the same places in the same font and sizes, the same
rectangles, lines, shading, dashes and the same QR module paths, with no layout, no text
measuring, no fitting and no QR encoding; what the real run drew once as a reusable form
(beginForm/doForm) the floor draws again on every page, as a bare program would. The replayed
PDF has the same text page by page as the real one (checked here).

    python benchmarks/bench_vouchers.py [--count 335] [--layout A4x2|A5] [--runs 3]

Prints one Markdown table row:
| case | pages | union_desk s (CPU s) | bare reportlab s (CPU s) | ratio | target |
and, for comparison with older figures, the text-only floor used before (the strings drawn
with plain drawString one under another, no lines, no QR codes).
"""

from __future__ import annotations

import argparse
import io
import time
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import union_desk.reports.signoff as signoff_module
from union_desk.domain.idcard import check_char
from union_desk.reports.fonts import register_cjk_font
from union_desk.reports.pdfcheck import pdf_page_count, pdf_page_texts
from union_desk.reports.pdfkit import new_canvas
from union_desk.reports.signoff import SignoffData, SignoffLine, render_vouchers_and_signoff
from union_desk.reports.voucher import VoucherData, voucher_check

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "桂芳", "志强", "丽娟", "海燕", "国平", "小红", "建华", "玉兰", "德明")
UNITS = ("大洋镇中心小学", "建德市大洋镇人民政府", "浙江建德大洋竹木制品有限公司",
         "大洋镇卫生院", "建德市大洋镇环境卫生管理站", "大洋镇农贸市场")
RATIO = 3.0  # issue 13: at most 3× bare reportlab drawing the same pages


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


# Canvas calls that put something on a page or change how it is drawn (every one the report
# modules use); a call made from inside another recorded call is not recorded again.
RECORDED = ("setPageSize", "setFont", "drawString", "drawCentredString", "drawRightString",
            "rect", "roundRect", "line", "lines", "grid", "circle", "setFillGray",
            "setStrokeGray", "setFillColor", "setStrokeColor", "setLineWidth", "setDash",
            "setFillAlpha", "saveState", "restoreState", "transform", "translate", "rotate",
            "scale", "addLiteral")
Call = tuple[str, tuple, dict]


class Recorder(Canvas):
    """The real run's canvas, also noting every drawing call page by page; a form's calls are
    noted once and copied into each page that shows the form."""

    def start_recording(self) -> None:
        self.pages: list[list[Call]] = [[]]
        self.forms: dict[str, list[Call]] = {}
        self._into, self._depth = self.pages[-1], 0

    def showPage(self):
        self._into.append(("showPage", (), {}))
        self.pages.append([])
        self._into = self.pages[-1]
        return super().showPage()

    def beginForm(self, name, *args, **kwargs):
        self._into = self.forms[name] = []
        return super().beginForm(name, *args, **kwargs)

    def endForm(self, **kwargs):
        self._into = self.pages[-1]
        return super().endForm(**kwargs)

    def doForm(self, name):
        self._into.extend(self.forms[name])
        return super().doForm(name)


def _recording(name: str):
    method = getattr(Canvas, name)

    def call(self, *args, **kwargs):
        if self._depth == 0:
            self._into.append((name, args, kwargs))
        self._depth += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._depth -= 1

    return call


for _name in RECORDED:
    setattr(Recorder, _name, _recording(_name))


def record(make_pdf) -> list[list[Call]]:
    """The canvas calls of each page of ``make_pdf()``'s real run."""
    made: list[Recorder] = []
    real = signoff_module.new_canvas

    def recording_canvas(target, pagesize, title):
        c = real(target, pagesize, title)
        c.__class__ = Recorder
        c.start_recording()
        made.append(c)
        return c

    signoff_module.new_canvas = recording_canvas
    try:
        make_pdf()
    finally:
        signoff_module.new_canvas = real
    (canvas,) = made
    return [page for page in canvas.pages if page]


def bare_replay(pages: list[list[Call]], title: str) -> bytes:
    """The floor: the same calls, page by page, on a plain canvas with the same font."""
    out = io.BytesIO()
    c = new_canvas(out, A4, title)
    for calls in pages:
        for name, args, kwargs in calls:
            getattr(c, name)(*args, **kwargs)
    c.save()
    return out.getvalue()


def bare(pages: list[list[str]]) -> bytes:
    """The old, text-only floor: the same strings per page drawn one under another with plain
    drawString in the same font; no lines, no QR codes, not at their places."""
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


def best_of(runs: int, fn) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` calls."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


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

    pdf = ours()  # warm-up
    page_count = pdf_page_count(pdf)
    calls = record(ours)
    floor_pdf = bare_replay(calls, signoff.title)
    texts = pdf_page_texts(pdf)
    assert len(calls) == page_count == len(texts)
    assert pdf_page_texts(floor_pdf) == texts  # the floor draws the same pages
    strings = [text.splitlines() for text in texts]
    t_ours, c_ours = best_of(args.runs, ours)
    t_bare, c_bare = best_of(args.runs, lambda: bare_replay(calls, signoff.title))
    t_text, c_text = best_of(args.runs, lambda: bare(strings))
    verdict = "✓" if t_ours <= RATIO * t_bare else "✗"
    print(f"| {args.count} vouchers ({args.layout}) + sign-off sheet | {page_count} | "
          f"{t_ours:.2f} ({c_ours:.2f}) | {t_bare:.2f} ({c_bare:.2f}) | {t_ours / t_bare:.1f}× "
          f"(CPU {c_ours / c_bare:.1f}×) | ≤ {RATIO:.0f}× {verdict} |")
    print(f"text-only floor (the old one): {t_text:.2f} s (CPU {c_text:.2f} s), "
          f"{t_ours / t_text:.1f}× (CPU {c_ours / c_text:.1f}×); "
          f"{sum(len(p) for p in calls):,} canvas calls replayed")


if __name__ == "__main__":
    main()
