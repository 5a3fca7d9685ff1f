"""The audit trail holds what a clerk wrote of a member, never the search keys made from it (the
pinyin, the name key, the reversed numbers): not when a member is added or edited in the
window, nor when a list is imported, new members or changes. The bulk writers leave out what a
model names in `__audit_exclude__` as the ORM hook does (an account's password hash)."""
import json
from datetime import date

import sqlalchemy as sa
from roster_books import person_id, row, write_book

from union_desk.models.account import Account
from union_desk.models.audit import AuditEntry, insert_bulk, not_audited, record_bulk
from union_desk.models.base import new_ids, utcnow
from union_desk.models.member import SEARCH_COLUMNS, Member, MemberUpdate
from union_desk.services.roster import members
from union_desk.services.roster.importer import check_roster_file, commit_roster_import


def entries(db, table: str) -> list[tuple[str, dict, dict]]:
    with db.session() as s:
        found = s.execute(sa.select(AuditEntry.action, AuditEntry.before, AuditEntry.after)
                          .where(AuditEntry.table_name == table)
                          .order_by(AuditEntry.created_at, AuditEntry.id)).all()
    return [(a, json.loads(b or "{}"), json.loads(c or "{}")) for a, b, c in found]


def run_import(db, path):
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=plan)


def test_no_member_audit_entry_holds_a_search_column(db, tmp_path, union, add_member, ids):
    # Given a member added in the window and renamed there
    added = add_member(union.id)  # 张三
    with db.session(write=True) as s:
        members.update_member(s, member_id=added.id, data=MemberUpdate(
            name="张叁", id_number=ids["A"], phone="13800138000", employer="大洋镇机械厂",
            union_id=union.id, card_no="DY0001", join_date=date(2015, 3, 1)))
    # And a list imported with two new members and a new phone for one of them afterwards
    run_import(db, write_book(tmp_path / "名册.xlsx", [
        row("李四", person_id(1), phone="13900000001"), row("王五", person_id(2))]))
    run_import(db, write_book(tmp_path / "改.xlsx", [
        row("李四", person_id(1), phone="13900000009")]))
    # Then every entry of member holds what was written, and none a search column
    audited = entries(db, "member")
    assert [a for a, _, _ in audited] == ["insert", "update", "insert", "insert", "update"]
    assert audited[1][1:] == ({"name": "张三"}, {"name": "张叁"})
    assert audited[4][1:] == ({"phone": "13900000001"}, {"phone": "13900000009"})
    assert {"name", "id_number", "phone", "union_id"} <= set(audited[2][2])
    for _action, before, after in audited:
        assert not (set(before) | set(after)) & set(SEARCH_COLUMNS)
    # And the search columns themselves were written
    with db.session() as s:
        spelled = dict(s.execute(sa.select(Member.name, Member.py_full)).all())
    assert spelled == {"张叁": "zhangsan", "李四": "lisi", "王五": "wangwu"}


def test_the_bulk_writers_leave_out_what_the_model_excludes(db):
    # Given an account row written by the bulk writer, then changed by a bulk update
    now = utcnow()
    account_id = new_ids(1)[0]
    with db.session(write=True) as s:
        insert_bulk(s, Account, [dict(
            id=account_id, township="DY", created_at=now, updated_at=now, deleted_at=None,
            name="王晓燕", role="经办人", password_hash="scrypt$secret", password_set_at=now,
            failed_sign_ins=0, blocked_until=None, active=True)])
        record_bulk(s, table_name="account", action="update",
                    rows=[{"id": account_id, "password_hash": "scrypt$other", "name": "王小燕"}],
                    before=[{"password_hash": "scrypt$secret", "name": "王晓燕"}])
    # Then neither entry holds the hash, and both hold the name
    audited = entries(db, "account")
    assert [a for a, _, _ in audited] == ["insert", "update"]
    assert audited[0][2]["name"] == "王晓燕" and audited[1][1:] == ({"name": "王晓燕"},
                                                                   {"name": "王小燕"})
    assert not any("password_hash" in {**b, **a} for _, b, a in audited)
    assert "password_hash" in not_audited("account") and not_audited("nothing") == {
        "created_at", "updated_at"}
