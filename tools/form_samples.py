"""Render the printed forms mended for issue 14 from a fresh demo database, as PDFs and PNGs
(first page, 80 dpi) in docs/forms/, so they can be looked at and made again:

    python tools/form_samples.py [--out docs/forms]

- signoff-mixed: a sign-off sheet with a long name, a long unit name, a station code, several
  occasions, a person paid twice and a unit (all printed whole; 笔, people and units counted);
- signoff-stations: the sign-off sheet of the demo's station subsidies (paid to units);
- voucher-unit: a voucher paid to a unit (领取单位（盖章）, seal box, 经办人签名);
- seat-notices: the demo campaign's seat notices with the union's contact phone;
- inspection-failed: the record of a failed re-inspection with its deadline for the fixes.

Needs pdftoppm (Debian poppler-utils) for the PNGs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from union_desk.files import atomic_write_bytes  # noqa: E402


def _png(pdf: Path) -> Path:
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def _mixed_signoff(out: Path) -> None:
    from union_desk.reports.signoff import SignoffData, SignoffLine, render_signoff

    def number(first17: str) -> str:
        from union_desk.domain.idcard import check_char

        return first17 + check_char(first17)

    lines = [
        SignoffLine("买买提·艾力江", number("33018219700101001"),
                    "浙江省建德市大洋镇某某竹木制品加工有限责任公司第二分公司", 200_000,
                    "大洋镇-2026-0001"),
        SignoffLine("曾丹伟", number("33018219800202002"), "大洋镇中心小学", 100_000,
                    "大洋镇-2026-0002"),
        SignoffLine("曾丹伟", number("33018219800202002"), "大洋镇中心小学", 50_000,
                    "大洋镇-2026-0003"),
        SignoffLine("建德市大洋镇某某环境卫生管理有限公司", "91330182MA2B3C4D5E",
                    "大洋镇环卫工人爱心驿家第1站（DY-YJ-001）", 500_000, "大洋镇-2026-0004",
                    unit_recipient=True),
    ]
    render_signoff(SignoffData(
        "大洋镇总工会", "春节送温暖慰问金发放签收表",
        "春节送温暖、金秋助学、医疗救助、抗疫一线慰问、意外慰问、职工医疗互助补助、爱心驿家运行补助",
        "2026年1月15日至2026年9月1日", lines, "王晓燕", "徐丽萍", "方建平"), out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs/forms"))
    args = parser.parse_args()
    from union_desk.db import open_database
    from union_desk.models.payment import PaymentStatus
    from union_desk.services.demo.generate import make_demo
    from union_desk.services.hardship import vouchers
    from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
    from union_desk.services.settings import set_up
    from union_desk.services.stations import inspections, registry
    from union_desk.services.stations.printing import StationForm, station_pdf
    from union_desk.services.trips.campaigns import list_campaigns
    from union_desk.services.trips.export import notices_pdf

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    made = []
    _mixed_signoff(out / "signoff-mixed.pdf")
    made.append(out / "signoff-mixed.pdf")
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.sqlite3")
        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="王晓燕")
            make_demo(s, size=300)
        with db.session(write=True) as s:  # the QR key is made on the first rendering
            units = [p for p in list_payments(s, flt=PaymentFilter(
                status=PaymentStatus.ISSUED), limit=None) if vouchers.is_unit_payment(p)]
            vouchers.print_signoff(s, target=out / "signoff-stations.pdf", payments=units)
            vouchers.render_vouchers_pdf(s, target=out / "voucher-unit.pdf", payments=units[:2])
        with db.session() as s:
            campaign = list_campaigns(s)[0]
            atomic_write_bytes(out / "seat-notices.pdf",
                               notices_pdf(s, campaign_id=campaign.id)[0])
            failed = next(r for r in registry.list_stations(s)
                          if r.last_inspection_passed is False)
            latest = inspections.latest_inspection(s, station_id=failed.id)
            atomic_write_bytes(out / "inspection-failed.pdf", station_pdf(
                s, form=StationForm.INSPECTION, station_id=failed.id, inspection_id=latest.id))
        db.close()
    made += [out / f"{n}.pdf" for n in ("signoff-stations", "voucher-unit", "seat-notices",
                                         "inspection-failed")]
    for pdf in made:
        print(_png(pdf))


if __name__ == "__main__":
    main()
