"""Who may see full personal numbers through which door, with what reason (the reason stored
in the audit entry) — and an edit form that kept its numbers masked keeps the stored ones."""
import json
import re
from pathlib import Path

import pytest
from sqlmodel import select

from accounts_helpers import HANDLER, HEAD, REVIEWER, sign_in, three_clerks
from union_desk.models.audit import AuditEntry
from union_desk.models.member import MemberUpdate
from union_desk.models.personal import BankAccount, IdNumber, Phone, kept_or_typed
from union_desk.services.accounts.reveals import Door, authorise_reveal, edit_form_reveal
from union_desk.services.errors import UserError
from union_desk.services.hardship.household_search import search_households
from union_desk.services.hardship.households import household_for_edit
from union_desk.services.roster import members
from union_desk.services.roster.export import export_roster
from union_desk.services.stations import registry as stations
from union_desk.services.stations.printing import StationForm, station_pdf
from union_desk.services.trips import campaigns as trips, registrations
from union_desk.services.trips.export import manifest_pdf

PACKAGE = Path(__file__).resolve().parents[2] / "union_desk"


def reveals(db) -> list[dict]:
    with db.session() as s:
        entries = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")
                         .order_by(AuditEntry.created_at)).all()
    return [dict(json.loads(e.after), actor=e.actor, table=e.table_name) for e in entries]


def first_records(db) -> dict:
    with db.session() as s:
        campaign = trips.list_campaigns(s)[0]
        return {"member": members.search_members(s, limit=1)[0],
                "household": search_households(s, limit=1)[0],
                "registration": registrations.list_registrations(s, campaign_id=campaign.id,
                                                                 limit=1)[0],
                "station": stations.list_stations(s)[0], "campaign": campaign}


def edit_doors(r, reason=""):
    """The four edit forms' reveal services, each a function of a session."""
    return [lambda s: members.member_for_edit(s, member_id=r["member"].id, reason=reason),
            lambda s: household_for_edit(s, household_id=r["household"].id, reason=reason),
            lambda s: registrations.registration_for_edit(
                s, registration_id=r["registration"].id, reason=reason),
            lambda s: stations.station_for_edit(s, station_id=r["station"].id, reason=reason)]


def edit_reveals(s, r, reason=""):
    return [door(s) for door in edit_doors(r, reason)]


def test_with_one_account_edit_forms_open_in_full_without_a_reason(demo):
    r = first_records(demo)
    with demo.session() as s:
        assert edit_form_reveal(s).full
    with demo.session(write=True) as s:
        shown = edit_reveals(s, r)
    assert shown[0]["id_number"].isdigit() or shown[0]["id_number"][:-1].isdigit()
    assert [(e["actor"], e["role"], "reason" in e) for e in reveals(demo)] == \
        [(HEAD, "负责人", False)] * 4


def test_with_several_accounts_a_handler_never_sees_the_old_numbers(demo):
    three_clerks(demo)
    sign_in(demo, HANDLER)
    r = first_records(demo)
    with demo.session() as s:
        how = edit_form_reveal(s)
    assert (how.full, how.may_reveal) == (False, False)
    for door in edit_doors(r, reason="核对"):
        with pytest.raises(UserError, match="当前账户“张经”是经办人（可直接输入新号码替换旧号码）"):
            with demo.session(write=True) as s:
                door(s)
    assert reveals(demo) == []


def test_a_reviewer_reveals_in_an_edit_form_with_a_reason_kept_in_the_audit_log(demo):
    three_clerks(demo)
    sign_in(demo, REVIEWER)
    r = first_records(demo)
    with demo.session() as s:
        how = edit_form_reveal(s)
    assert (how.full, how.may_reveal) == (False, True)
    with pytest.raises(UserError, match="请填写查看完整号码的原因"), demo.session(write=True) as s:
        members.member_for_edit(s, member_id=r["member"].id)
    with demo.session(write=True) as s:
        edit_reveals(s, r, reason="会员来电核对身份证号")
    entries = reveals(demo)
    assert len(entries) == 4
    assert {(e["actor"], e["role"], e["reason"]) for e in entries} == {
        (REVIEWER, "审核人", "会员来电核对身份证号")}


def test_full_id_numbers_leave_in_an_export_only_for_a_reviewer_with_a_reason(demo, tmp_path):
    three_clerks(demo)
    out = tmp_path / "名册.xlsx"
    sign_in(demo, HANDLER)
    with pytest.raises(UserError, match="需要审核人或负责人账户"), demo.session(write=True) as s:
        export_roster(s, path=out, reveal=True, reason="报送")
    sign_in(demo, REVIEWER)
    with pytest.raises(UserError, match="原因"), demo.session(write=True) as s:
        export_roster(s, path=out, reveal=True)
    assert not out.exists()
    with demo.session(write=True) as s:
        count = export_roster(s, path=out, reveal=True, reason="报送市总工会核对")
    [entry] = reveals(demo)
    assert (entry["actor"], entry["reason"], entry["count"]) == (
        REVIEWER, "报送市总工会核对", count)
    sign_in(demo, HANDLER)
    with demo.session(write=True) as s:  # the masked export asks nothing and logs nothing
        export_roster(s, path=tmp_path / "隐藏.xlsx")
    assert len(reveals(demo)) == 1


def test_the_single_clerk_also_gives_a_reason_for_an_explicit_reveal(demo, tmp_path):
    with pytest.raises(UserError, match="原因"), demo.session(write=True) as s:
        export_roster(s, path=tmp_path / "x.xlsx", reveal=True)
    with demo.session(write=True) as s:
        export_roster(s, path=tmp_path / "x.xlsx", reveal=True, reason="年度备案")
    assert reveals(demo)[0]["reason"] == "年度备案"


def test_the_manifests_phones_need_a_reason_from_anyone_and_the_filed_form_none(demo):
    three_clerks(demo)
    sign_in(demo, HANDLER)
    r = first_records(demo)
    with pytest.raises(UserError, match="原因"), demo.session(write=True) as s:
        manifest_pdf(s, campaign_id=r["campaign"].id, full_phones=True)
    with demo.session(write=True) as s:
        manifest_pdf(s, campaign_id=r["campaign"].id, full_phones=True, reason="司机联系乘客")
        station_pdf(s, form=StationForm.FORM, station_id=r["station"].id)
    assert [(e["table"], e["actor"], e.get("reason")) for e in reveals(demo)] == [
        ("trip_registration", HANDLER, "司机联系乘客"), ("station", HANDLER, None)]


def test_a_reason_is_limited(demo):
    with pytest.raises(UserError, match="最多 200"), demo.session(write=True) as s:
        authorise_reveal(s, door=Door.ID_NUMBERS, what="x", table_name="member",
                         reason="很长" * 101)


def test_a_number_left_masked_keeps_the_stored_one_and_a_typed_one_replaces_it():
    stored_id, stored_phone, stored_account = "11010519491231002X", "13800138000", "6222021234"
    assert kept_or_typed(IdNumber, "110105**********2X", stored_id) == stored_id
    assert kept_or_typed(Phone, " 138****8000 ", stored_phone) == stored_phone
    assert kept_or_typed(BankAccount, "****1234", stored_account) == stored_account
    assert kept_or_typed(IdNumber, "440524188001010014", stored_id) == "440524188001010014"
    assert kept_or_typed(Phone, "", stored_phone) == ""  # cleared on purpose
    assert kept_or_typed(Phone, "138****8001", stored_phone) == "138****8001"  # not its mask
    assert kept_or_typed(Phone, "", "") == ""


def test_saving_a_member_whose_numbers_stayed_masked_keeps_them(demo):
    three_clerks(demo)
    sign_in(demo, HANDLER)
    member = first_records(demo)["member"]
    with demo.session(write=True) as s:
        data = MemberUpdate(name=member.name, id_number=str(member.id_number),
                            phone=str(member.phone), ethnicity=member.ethnicity,
                            employer="新单位", union_id=member.union_id,
                            join_date=member.join_date, card_no=member.card_no,
                            is_migrant=member.is_migrant, hukou_type=member.hukou_type)
        saved = members.update_member(s, member_id=member.id, data=data)
        assert (saved.id_number, saved.phone, saved.employer) == (
            member.id_number, member.phone, "新单位")
        saved = members.update_member(s, member_id=member.id, data=data.model_copy(
            update={"phone": "13900139000"}))
    assert saved.phone == Phone("13900139000") and saved.id_number == member.id_number


def test_every_door_asks_the_accounts_service():
    """grant_reveal (models/personal.py) writes the audit entry but checks no rights: only
    services/accounts/reveals.py may call it, so no door can skip the role and reason."""
    callers = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                     if re.search(r"\bgrant_reveal\(", p.read_text("utf-8")))
    assert callers == ["models/personal.py", "services/accounts/reveals.py"]
