"""Builders shared by the hardship tests: ID numbers, unions, members, household data."""
from __future__ import annotations

from datetime import date

from union_desk.domain.idcard import check_char, parse_id_number
from union_desk.models.hardship import HouseholdCreate, HouseholdPersonIn
from union_desk.models.member import Member, search_columns
from union_desk.models.union import GrassrootsUnion

DIBAO_2020 = 90_000  # 900.00 元 per person per month
DIBAO_2021 = 100_000  # 1,000.00 元


def make_id(serial: int, born: str = "19800101") -> str:
    first17 = f"330182{born}{serial % 1000:03d}"
    return first17 + check_char(first17)


def add_union(session, name: str = "建德市大洋镇农机厂工会") -> GrassrootsUnion:
    union = GrassrootsUnion(name=name)
    session.add(union)
    session.flush()
    return union


def add_member(session, union: GrassrootsUnion, name: str, id_number: str,
               employer: str = "大洋农机厂") -> Member:
    card = parse_id_number(id_number)
    member = Member(name=name, id_number=card.number, union_id=union.id, employer=employer,
                    gender=card.gender, birth_date=card.birth_date,
                    **search_columns(name=name))
    session.add(member)
    session.flush()
    return member


def household_data(member: Member, *incomes_fen: int, **fields) -> HouseholdCreate:
    """本人 earning incomes_fen[0], then a spouse and children with the other incomes."""
    persons = [HouseholdPersonIn(name=member.name, relation="本人",
                                 monthly_income_fen=incomes_fen[0] if incomes_fen else 0)]
    relations = ["配偶", "子女", "子女", "父母"]
    for i, income in enumerate(incomes_fen[1:]):
        persons.append(HouseholdPersonIn(name=f"家属{i + 1}", relation=relations[i % 4],
                                         monthly_income_fen=income))
    fields.setdefault("reviewed_on", date(2021, 3, 1))
    return HouseholdCreate(member_id=member.id, persons=persons, main_cause="疾病", **fields)


def issue_payments_in_process(db_path, member_id: str, count: int, barrier, results) -> None:
    """One app instance's writer (run in its own process): `count` payments, one per
    transaction, each with its voucher number."""
    import time

    from union_desk.db import open_database
    from union_desk.models.payment import PaymentCreate
    from union_desk.services.hardship.payments import record_payment

    db = open_database(db_path, migrate=False)
    numbers = []
    barrier.wait()
    for _ in range(count):
        with db.session(write=True) as s:
            row = record_payment(s, data=PaymentCreate(member_id=member_id, occasion="春节送温暖",
                                                       amount_fen=10_000, paid_on=date(2021, 2, 1)))
            numbers.append(row.voucher_no)
        time.sleep(0.01)  # a clerk's pause: lets the other writer in between transactions
    db.close()
    results.put(numbers)
