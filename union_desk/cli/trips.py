"""`union-desk trips add-bus | import | assign | manifest`: shuttle-bus campaigns headless."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from union_desk.cli import EXIT_OK, EXIT_REJECTED, print_json
from union_desk.cli.base import open_existing_db
from union_desk.cli.imports import add_file_arguments, print_import_summary

_DEPARTS = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:[ T]+(\d{1,2}:\d{2}))?")


CAMPAIGN_HELP = "活动名称，如 2027 春节返乡"


def register(subparsers) -> None:
    parser = subparsers.add_parser("trips", help="返乡专车：车辆、报名导入、排座、乘车名单")
    sub = parser.add_subparsers(dest="trips_command", metavar="SUBCOMMAND", required=True)

    bus = sub.add_parser("add-bus", help="给活动添加一辆车（活动不存在时自动建立）")
    bus.add_argument("--campaign", required=True, metavar="NAME", help=CAMPAIGN_HELP)
    bus.add_argument("--plate", required=True, metavar="PLATE", help="车牌号")
    bus.add_argument("--seats", required=True, type=int, metavar="N", help="可载乘客座位数")
    bus.add_argument("--destination", required=True, metavar="TEXT", help="目的地，如 贵州黔东南")
    bus.add_argument("--departs", required=True, metavar="'YYYY-MM-DD HH:MM'", help="发车时间（北京时间）")
    bus.add_argument("--leg", choices=["去程", "返程"], default="去程", help="去程（默认）或返程")
    bus.add_argument("--stops", default="", metavar="A,B,C", help="沿途下车点，按顺序，逗号分隔")
    bus.add_argument("--from", dest="place", default="", metavar="PLACE", help="发车地点")
    bus.add_argument("--carrier", default="", help="承运单位")
    bus.add_argument("--driver", default="", help="驾驶员")
    bus.add_argument("--driver-phone", default="", help="驾驶员手机")
    bus.add_argument("--contract", default="", help="包车合同号")
    bus.set_defaults(handler=_add_bus)

    imp = sub.add_parser("import", help="检查用工单位报来的名单（Excel、WPS 或 CSV）；加 --commit 导入有效的行")
    add_file_arguments(imp)
    imp.add_argument("--campaign", required=True, metavar="NAME", help=CAMPAIGN_HELP)
    imp.add_argument("--commit", action="store_true", help="导入有效的行（否则只检查，不写入）")
    imp.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    imp.set_defaults(handler=_import)

    assign = sub.add_parser("assign", help="自动排座（已排的座位不动），列出每辆车的乘客和候补名单")
    assign.add_argument("--campaign", required=True, metavar="NAME", help=CAMPAIGN_HELP)
    assign.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    assign.set_defaults(handler=_assign)

    man = sub.add_parser("manifest", help="打印乘车名单（PDF，身份证号和手机号已隐藏，可选完整手机号）")
    man.add_argument("--campaign", required=True, metavar="NAME", help=CAMPAIGN_HELP)
    man.add_argument("--bus", default=None, metavar="PLATE", help="只要这辆车（默认全部车辆）")
    man.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    man.add_argument("--notices", action="store_true", help="另附每位乘客的乘车通知")
    man.add_argument("--full-phones", action="store_true",
                     help="乘客和紧急联系人手机号显示完整（供驾驶员、带车人联系；须填 --reason，记入审计日志）")
    man.add_argument("--reason", default="", metavar="TEXT", help="打印完整手机号的原因（记入审计日志）")
    man.set_defaults(handler=_manifest)


def _parse_departs(text: str) -> tuple[date, str]:
    from union_desk.services.errors import UserError

    match = _DEPARTS.fullmatch(text.strip())
    try:
        if not match:
            raise ValueError
        return date.fromisoformat("-".join(f"{int(p):02d}" for p in match[1].split("-"))), \
            match[2] or ""
    except ValueError:
        raise UserError(f"发车时间应写成 \"YYYY-MM-DD HH:MM\"，当前为“{text}”") from None


def _add_bus(args: argparse.Namespace) -> int:
    from union_desk.models.trips import BusCreate, TripLeg
    from union_desk.services.trips import campaigns as trips

    day, clock = _parse_departs(args.departs)
    data = BusCreate(leg=TripLeg(args.leg), plate=args.plate, seats=args.seats,
                     destination=args.destination, departs_on=day, departs_time=clock,
                     stops=[s for s in re.split(r"[,，、]", args.stops) if s.strip()],
                     departure_place=args.place, carrier=args.carrier, driver=args.driver,
                     driver_phone=args.driver_phone, contract_no=args.contract)
    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            campaign = trips.campaign_by_name(s, name=args.campaign, create=True)
            bus = trips.add_bus(s, campaign_id=campaign.id, data=data)
    sys.stdout.write(f"已添加车辆 {bus.plate}：{campaign.name}，{bus.leg.value}第 {bus.seq} 车，"
                     f"{bus.seats} 座，开往 {bus.destination}，{bus.departs_text} 发车\n")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from union_desk.services.trips import campaigns as trips
    from union_desk.services.trips.importer import check_trips_file, commit_trips_import

    with open_existing_db(args) as db:
        with db.session() as s:  # read and check outside any write transaction
            found = trips.find_campaign(s, name=args.campaign)  # None: a new campaign
            plan = check_trips_file(s, campaign_id=found.id if found else None, path=args.file,
                                    sheet=args.sheet)
        if args.commit and (found or plan.outcome.new):
            with db.session(write=True) as s:
                campaign = trips.campaign_by_name(s, name=args.campaign, create=True)
                report = commit_trips_import(s, campaign_id=campaign.id, plan=plan)
        else:
            report = plan.report(committed=args.commit)
    placements = plan.placements()
    if args.json:
        print_json(report.to_json() | {"placements": [asdict(p) for p in placements]})
    else:
        print_import_summary(args.file, report)
        if placements:
            print("目的地由一列文字认定为（请核对）：")
            for p in placements:
                more = f" 等，另有 {p.more_written} 种写法" if p.more_written else ""
                print(f"  {p.place}\t← {'、'.join(p.written)}{more}\t"
                      f"{p.rows} 行，首见第 {p.first_row} 行")
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _passenger_json(p) -> dict:
    return {"seat": p.seat_no, "registration": p.seq, "name": p.name,
            "id_number": str(p.id_number), "destination": p.destination,
            "employer": p.employer, "leg": p.leg.value}


def _assign(args: argparse.Namespace) -> int:
    from union_desk.services.trips import campaigns as trips
    from union_desk.services.trips.assign import assign_seats

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            campaign = trips.campaign_by_name(s, name=args.campaign)
            report = assign_seats(s, campaign_id=campaign.id)
    if args.json:
        print_json({"campaign": report.campaign, "seated_now": report.seated_now,
                    "buses": [{"plate": b.bus.plate, "leg": b.bus.leg.value, "seq": b.bus.seq,
                               "seats": b.bus.seats, "destination": b.bus.destination,
                               "departs": b.bus.departs_text,
                               "passengers": [_passenger_json(p) for p in b.passengers]}
                              for b in report.buses],
                    "waiting": [_passenger_json(p) for p in report.waiting],
                    "unserved": report.unserved})
        return EXIT_OK
    out = sys.stdout
    out.write(f"{report.campaign}：本次排座 {report.seated_now} 人\n")
    for load in report.buses:
        b = load.bus
        out.write(f"\n{b.leg.value}第 {b.seq} 车 {b.plate}  开往 {b.destination}  {b.departs_text}  "
                  f"{len(load.passengers)}/{b.seats} 座\n")
        for p in load.passengers:
            out.write(f"  {p.seat_no:>2} 号  {p.name}\t{p.id_number}\t{p.destination}"
                      f"\t{p.employer}\n")
    out.write(f"\n候补名单：{len(report.waiting)} 人\n")
    for p in report.waiting:
        out.write(f"  第 {p.seq} 号  {p.leg.value}  {p.name}\t{p.id_number}"
                  f"\t{p.destination}\n")
    if report.unserved:
        out.write(f"没有车辆前往：{'、'.join(report.unserved)}\n")
    return EXIT_OK


def _manifest(args: argparse.Namespace) -> int:
    from union_desk.services.trips import campaigns as trips
    from union_desk.services.trips.export import write_manifest_pdf

    with open_existing_db(args) as db:
        with db.session(write=args.full_phones) as s:  # full phones are an audited reveal
            campaign = trips.campaign_by_name(s, name=args.campaign)
            bus_ids = None
            if args.bus:
                bus_ids = [b.id for b in trips.buses_by_plate(s, campaign_id=campaign.id,
                                                              plate=args.bus)]
            pages = write_manifest_pdf(s, campaign_id=campaign.id, bus_ids=bus_ids,
                                       path=args.out, notices=args.notices,
                                       full_phones=args.full_phones, reason=args.reason)
    how = "手机号完整，已记入审计日志" if args.full_phones else "身份证号和手机号已隐藏"
    sys.stdout.write(f"已生成乘车名单 {args.out}（{pages} 页，{how}）\n")
    return EXIT_OK
