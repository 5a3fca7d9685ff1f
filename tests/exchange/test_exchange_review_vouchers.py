"""The review queue and its audited resolution; voucher QR verification at the city."""
from datetime import date

import pytest
import sqlalchemy as sa

from exchange_helpers import add_member, add_union, export, make_id, merge, pay, populate
from union_desk.models.exchange import ReviewKind
from union_desk.services.errors import UserError
from union_desk.services.exchange.review import list_review, resolve_review
from union_desk.services.exchange.vouchers import Verdict, verify_voucher

pytestmark = pytest.mark.both_engines  # the city database on SQLite and on PostgreSQL


def _review(city_db, **kw):
    with city_db.session() as s:
        return list_review(s, **kw)


def test_same_person_active_in_two_townships_is_one_review_item_resolved_with_audit(
        city, township, tmp_path):
    city_db, _ = city
    for code in ("DY", "QT"):
        db = township(code)
        populate(db, members=1)
        export(db, tmp_path / f"{code}.udx")
    merge(city_db, tmp_path / "DY.udx", tmp_path / "QT.udx", tmp_path / "QT.udx")
    items = [i for i in _review(city_db) if i.kind == ReviewKind.MEMBER_TWO_TOWNSHIPS]
    assert len(items) == 1  # found once, not once per merge
    item = items[0]
    assert item.townships == "DY,QT" and "大洋镇" in item.summary and "乾潭镇" in item.summary
    assert item.township_names == "大洋镇、乾潭镇"  # the review list shows names, not codes
    assert make_id(1) not in item.summary + item.subject  # ID numbers leave masked
    with pytest.raises(UserError):
        with city_db.session(write=True) as s:
            resolve_review(s, item_id=item.id, reason="")
    with city_db.session(write=True) as s:
        done = resolve_review(s, item_id=item.id, reason="乾潭镇漏办转出，已通知")
    assert done.resolved_by == "市总会计" and done.resolution == "乾潭镇漏办转出，已通知"
    assert [i.id for i in _review(city_db)] .count(item.id) == 0
    assert item.id in [i.id for i in _review(city_db, include_resolved=True)]
    with city_db.engine.connect() as conn:
        audit = conn.execute(sa.text("SELECT actor, after FROM audit_entry WHERE record_id = :i "
                                     "AND action = 'update'"), {"i": item.id}).one()
    assert audit[0] == "市总会计" and "乾潭镇漏办转出" in audit[1]


def test_household_paid_by_two_townships_in_one_year(city, township, tmp_path):
    from union_desk.models.hardship import HouseholdCreate, HouseholdPersonIn
    from union_desk.models.payment import PaymentCreate
    from union_desk.services.hardship.households import create_household
    from union_desk.services.hardship.policy import put_policy
    from union_desk.services.hardship.payments import record_payment

    city_db, _ = city
    for code in ("DY", "QT"):
        db = township(code)
        with db.session(write=True) as s:
            put_policy(s, year=2025, dibao_fen=100_000, multiplier="1.5")
            member = add_member(s, add_union(s), "困难户", make_id(5))
            household = create_household(s, data=HouseholdCreate(
                member_id=member.id, main_cause="疾病", reviewed_on=date(2025, 3, 1),
                persons=[HouseholdPersonIn(name="困难户", relation="本人", monthly_income_fen=0)]))
            record_payment(s, data=PaymentCreate(household_id=household.id, occasion="春节送温暖",
                                                 amount_fen=80_000, paid_on=date(2025, 1, 20)))
        export(db, tmp_path / f"{code}.udx")
    results = merge(city_db, tmp_path / "DY.udx", tmp_path / "QT.udx")
    items = _review(city_db)
    assert ReviewKind.HOUSEHOLD_TWO_TOWNSHIPS in {i.kind for i in items}, (results, items)


def test_voucher_amount_changed_by_a_later_package_is_a_review_item(city, township, tmp_path):
    city_db, _ = city
    dy = township("DY")
    populate(dy)
    export(dy, tmp_path / "one.udx")
    merge(city_db, tmp_path / "one.udx")
    with dy.engine.begin() as conn:  # an altered file: a printed voucher's amount edited
        conn.execute(sa.text("UPDATE payment SET amount_fen = 99900, updated_at = "
                             "'2030-01-01 00:00:00.000000'"))
    export(dy, tmp_path / "two.udx")
    merge(city_db, tmp_path / "two.udx")
    [item] = [i for i in _review(city_db) if i.kind == ReviewKind.VOUCHER_AMOUNT]
    assert "¥500.00" in item.summary and "¥999.00" in item.summary


def _qr(db, voucher_no: str, amount_fen: int) -> str:
    from union_desk.reports.voucher import voucher_check
    from union_desk.services.settings import get_setting

    with db.session() as s:
        secret = get_setting(s, key="voucher.secret")
    return f"{voucher_no}|{amount_fen}|{voucher_check(voucher_no, amount_fen, secret)}"


def _verify(db, text):
    with db.session() as s:
        return verify_voucher(s, text=text)


def test_voucher_printed_before_the_exchange_verifies_at_the_city(city, township, tmp_path):
    from union_desk.services.hardship.payments import void_payment
    from union_desk.services.hardship.vouchers import print_vouchers, select_payments

    city_db, _ = city
    dy = township("DY")
    with dy.session(write=True) as s:
        union = add_union(s)
        paid = [pay(s, add_member(s, union, f"人{i}", make_id(30 + i)), 50_000 + i)
                for i in range(2)]
        # printed the way vouchers have always been printed (the secret made then)
        print_vouchers(s, target=str(tmp_path / "v.pdf"),
                       payments=select_payments(s, numbers=[p.voucher_no for p in paid]))
        void_payment(s, voucher_no=paid[1].voucher_no, reason="重复发放")
    genuine, voided = (_qr(dy, p.voucher_no, p.amount_fen) for p in paid)
    # Before the city has 大洋镇's package it cannot tell
    assert _verify(city_db, genuine).verdict == Verdict.UNKNOWN
    export(dy, tmp_path / "dy.udx")
    merge(city_db, tmp_path / "dy.udx")
    ok = _verify(city_db, genuine)
    assert ok.verdict == Verdict.GENUINE and ok.recipient == "人0" and ok.township == "大洋镇"
    assert _verify(city_db, voided).verdict == Verdict.VOIDED
    number = paid[0].voucher_no
    altered = genuine.replace(f"|{paid[0].amount_fen}|", "|90000|")
    assert _verify(city_db, altered).verdict == Verdict.ALTERED
    assert _verify(city_db, f"{number[:-1]}9|50000|AAAAAAAA").verdict == Verdict.ALTERED
    assert _verify(city_db, "随便什么").verdict == Verdict.UNKNOWN


def test_vouchers_verify_command_exits_0_only_for_genuine(city, township, tmp_path, capsys):
    from union_desk.cli import main

    city_db, _ = city
    dy = township("DY")
    populate(dy)
    with dy.session() as s:
        from union_desk.models.payment import Payment
        p = s.execute(sa.select(Payment)).scalars().one()
    with dy.session(write=True) as s:  # the secret is made with the first printed voucher
        from union_desk.services.hardship.vouchers import _secret
        _secret(s)
    export(dy, tmp_path / "dy.udx")
    merge(city_db, tmp_path / "dy.udx")
    text = _qr(dy, p.voucher_no, p.amount_fen)
    assert main(["--db", str(city_db.location), "vouchers", "verify", text]) == 0
    assert "真实" in capsys.readouterr().out
    assert main(["--db", str(city_db.location), "vouchers", "verify",
                 text.replace(f"|{p.amount_fen}|", "|1|"), "--json"]) == 1
    assert '"verdict": "被改动"' in capsys.readouterr().out


def test_review_lookups_in_chunks_find_every_person(city, township, tmp_path, monkeypatch):
    # Given two townships with the same five people active, and lookups of two values at a time
    from union_desk.services.exchange import review

    monkeypatch.setattr(review, "LOOKUP", 2)
    city_db, _ = city
    for code in ("DY", "QT"):
        db = township(code)
        populate(db, members=5)
        export(db, tmp_path / f"{code}.udx")
    # When both are merged
    merge(city_db, tmp_path / "DY.udx", tmp_path / "QT.udx")
    # Then each of the five is one review item, none lost between chunks
    items = [i for i in _review(city_db) if i.kind == ReviewKind.MEMBER_TWO_TOWNSHIPS]
    from union_desk.domain.masking import mask_id

    assert sorted(i.subject for i in items) == sorted(mask_id(make_id(1 + n)) for n in range(5))
