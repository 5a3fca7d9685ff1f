"""Builders for the exchange tests: city and township databases, unions, members, payments."""
from __future__ import annotations

from datetime import date

from union_desk.domain.idcard import check_char, parse_id_number
from union_desk.domain.pinyin import name_key, pinyin_full, pinyin_initials
from union_desk.models.member import Member
from union_desk.models.union import GrassrootsUnion

CITY_NAME = "建德市总工会"


def make_id(serial: int, born: str = "19800101") -> str:
    first17 = f"330182{born}{serial % 1000:03d}"
    return first17 + check_char(first17)


def make_city(path, key_file, name=CITY_NAME):
    from union_desk.db import open_database
    from union_desk.services.city.setup import init_city
    from union_desk.services.exchange.keys import write_city_key_file

    db = open_database(path)
    with db.session(write=True) as s:
        key = init_city(s, name=name, clerk="市总会计")
    db.load_context()
    write_city_key_file(key, key_file)
    return db, key_file


def make_township(path, code, key_file):
    from union_desk.db import open_database
    from union_desk.services.exchange.keys import read_city_key_file, trust_city_key
    from union_desk.services.settings import set_up

    db = open_database(path)
    with db.session(write=True) as s:
        set_up(s, township=code, clerk=f"{code}经办人")
        if key_file is not None:
            trust_city_key(s, key=read_city_key_file(key_file))
    db.load_context()
    return db


def add_union(session, name: str = "农机厂工会", founded: date | None = None) -> GrassrootsUnion:
    union = GrassrootsUnion(name=name, founded=founded)
    session.add(union)
    session.flush()
    return union


def add_member(session, union: GrassrootsUnion, name: str, id_number: str,
               joined: date | None = None) -> Member:
    card = parse_id_number(id_number)
    member = Member(name=name, id_number=card.number, union_id=union.id, employer="农机厂",
                    gender=card.gender, birth_date=card.birth_date, name_key=name_key(name),
                    py_initials=pinyin_initials(name), py_full=pinyin_full(name),
                    join_date=joined)
    session.add(member)
    session.flush()
    return member


def pay(session, member: Member, amount_fen: int, paid_on: date = date(2025, 1, 20),
        occasion: str = "春节送温暖"):
    from union_desk.models.payment import PaymentCreate
    from union_desk.services.hardship.payments import record_payment

    return record_payment(session, data=PaymentCreate(member_id=member.id, occasion=occasion,
                                                      amount_fen=amount_fen, paid_on=paid_on))


def populate(db, members: int = 3, first_serial: int = 1, paid_fen: int = 50_000):
    """A union, `members` members (the first one paid `paid_fen`). Returns the member ids."""
    with db.session(write=True) as s:
        union = add_union(s, founded=date(2025, 3, 1))
        made = [add_member(s, union, f"会员{i}", make_id(first_serial + i), joined=date(2025, 4, 1))
                for i in range(members)]
        pay(s, made[0], paid_fen)
        from union_desk.services.hardship.vouchers import _secret

        _secret(s)  # the QR key, made as when the first voucher is printed
        return [m.id for m in made]


def export(db, path):
    from union_desk.services.exchange.export import export_package

    return export_package(db, path)


def merge(db, *paths):
    from union_desk.services.exchange.merge import merge_packages

    return merge_packages(db, list(paths))


def count(db, table: str, township: str | None = None) -> int:
    import sqlalchemy as sa

    with db.engine.connect() as conn:
        sql = f"SELECT count(*) FROM {table}" + (" WHERE township = :t" if township else "")
        return conn.execute(sa.text(sql), {"t": township}).scalar_one()


def city_state(db) -> dict:
    """Every merged table's row count and newest updated_at: to show a database unchanged."""
    import sqlalchemy as sa

    from union_desk.services.exchange.rows import merged_tables

    with db.engine.connect() as conn:
        return {t.name: tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(t.c.updated_at))
                                           .select_from(t)).one()) for t in merged_tables()}
