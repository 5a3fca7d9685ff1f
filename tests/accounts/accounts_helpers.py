"""Builders shared by the accounts tests: the three clerks of a township, signing in, a member
to pay."""
from __future__ import annotations

from datetime import date

from union_desk.domain.idcard import check_char, parse_id_number
from union_desk.domain.pinyin import name_key, pinyin_full, pinyin_initials
from union_desk.models.account import AccountRole
from union_desk.models.member import Member
from union_desk.models.payment import PaymentCreate
from union_desk.models.union import GrassrootsUnion
from union_desk.services.accounts import accounts
from union_desk.services.accounts.sign_in import SignInPlace, attempt_sign_in

HEAD, HEAD_PW = "王晓燕", "wang-2025-pw"        # the first-run clerk (conftest), 负责人
REVIEWER, REVIEWER_PW = "李审", "li-shen-2025"   # 审核人
HANDLER, HANDLER_PW = "张经", "zhang-jing-25"    # 经办人
PASSWORDS = {HEAD: HEAD_PW, REVIEWER: REVIEWER_PW, HANDLER: HANDLER_PW}


def make_id(serial: int, born: str = "19800101") -> str:
    first17 = f"330182{born}{serial % 1000:03d}"
    return first17 + check_char(first17)


def three_clerks(db) -> None:
    """The 负责人 gives herself a password and adds a 审核人 and a 经办人."""
    with db.session(write=True) as s:
        accounts.add_account(s, name=REVIEWER, role=AccountRole.REVIEWER, password=REVIEWER_PW,
                             own_password=HEAD_PW)
        accounts.add_account(s, name=HANDLER, role=AccountRole.HANDLER, password=HANDLER_PW)


def try_sign_in(db, name: str, password: str):
    """One try in its own write transaction (as the window and the CLI do): the SignInResult."""
    with db.session(write=True) as s:
        return attempt_sign_in(s, name=name, password=password, place=SignInPlace.START)


def sign_in(db, name: str) -> None:
    try_sign_in(db, name, PASSWORDS[name]).signed_in()


def add_member(db, name: str = "张三", serial: int = 11) -> Member:
    with db.session(write=True) as s:
        union = GrassrootsUnion(name="大洋镇农机厂工会")
        s.add(union)
        s.flush()
        card = parse_id_number(make_id(serial))
        member = Member(name=name, id_number=card.number, union_id=union.id, phone="13800138000",
                        gender=card.gender, birth_date=card.birth_date, name_key=name_key(name),
                        py_initials=pinyin_initials(name), py_full=pinyin_full(name))
        s.add(member)
        s.flush()
        return member


def payment(member_id: str, amount_fen: int = 50_000, **fields) -> PaymentCreate:
    fields.setdefault("paid_on", date(2025, 1, 20))
    fields.setdefault("occasion", "春节送温暖")
    return PaymentCreate(member_id=member_id, amount_fen=amount_fen, **fields)


def entered_under_review(db, amounts: tuple[int, ...] = (50_000,)) -> list:
    """Three clerks, 凭证须经审核 on, and payments of `amounts` (fen) entered by the 经办人, who
    stays signed in. Returns the PaymentRows, waiting for review."""
    from union_desk.services.accounts import policy
    from union_desk.services.hardship import payments

    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    member = add_member(db)
    sign_in(db, HANDLER)
    with db.session(write=True) as s:
        return [payments.record_payment(s, data=payment(member.id, amount_fen=a))
                for a in amounts]
