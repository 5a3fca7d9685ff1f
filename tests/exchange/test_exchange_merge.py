"""A township exports a package; the city merges it: idempotent, order-safe, tombstones, one
township's package never touches another's rows, trust on first use of signing keys."""
import json
import zipfile

import pytest
import sqlalchemy as sa

from exchange_helpers import city_state, count, export, make_id, merge, populate
from union_desk.models.base import utcnow
from union_desk.models.exchange import MergeOutcome
from union_desk.models.member import Member
from union_desk.services.errors import UserError

pytestmark = pytest.mark.both_engines  # the city database on SQLite and on PostgreSQL


def test_merge_brings_every_record_and_twice_changes_nothing(city, township, tmp_path):
    # Given a township with a union, three members and a payment, exported once
    city_db, _ = city
    dy = township("DY")
    populate(dy)
    result = export(dy, tmp_path / "dy.udx")
    assert result.sequence == 1 and result.row_counts["member"] == 3
    # When the city merges it
    [first] = merge(city_db, tmp_path / "dy.udx")
    # Then every record arrives under the township's code, the key is registered on first use
    assert first.outcome == MergeOutcome.MERGED and first.new_signer
    assert first.counts["member"].new == 3 and first.counts["payment"].new == 1
    assert count(city_db, "member", "DY") == 3 and count(city_db, "payment", "DY") == 1
    before = city_state(city_db)
    # When the same package is merged again: nothing changes
    [again] = merge(city_db, tmp_path / "dy.udx")
    assert again.outcome == MergeOutcome.MERGED and not again.new_signer
    assert again.counts["member"].unchanged == 3 and again.counts["member"].new == 0
    assert city_state(city_db) == before


def test_newer_rows_and_tombstones_propagate_older_package_never_overwrites(city, township, tmp_path):
    city_db, _ = city
    dy = township("DY")
    ids = populate(dy)
    export(dy, tmp_path / "one.udx")
    # Given the clerk then renames a member and tombstones another, and exports again
    with dy.session(write=True) as s:
        s.get(Member, ids[0]).name = "改名后"
        s.get(Member, ids[1]).deleted_at = utcnow()
    export(dy, tmp_path / "two.udx")
    # When the city merges the newer package first, then the older one
    [two, one] = merge(city_db, tmp_path / "two.udx", tmp_path / "one.udx")
    # Then the newer state stands: the rename and the tombstone
    assert two.counts["member"].new == 3 and two.counts["member"].tombstoned == 1
    assert one.outcome == MergeOutcome.OLDER and "较旧" in one.reason
    with city_db.session() as s:
        assert s.get(Member, ids[0]).name == "改名后"
        assert s.get(Member, ids[1]).deleted_at is not None
    # And merged in order on a fresh city file, the update arrives as an update
    # (covered by sequence: the second package updates 1 row and tombstones 1)


def test_update_arrives_as_update_and_tombstone_counts(city, township, tmp_path):
    city_db, _ = city
    dy = township("DY")
    ids = populate(dy)
    export(dy, tmp_path / "one.udx")
    merge(city_db, tmp_path / "one.udx")
    with dy.session(write=True) as s:
        s.get(Member, ids[2]).deleted_at = utcnow()
    export(dy, tmp_path / "two.udx")
    [two] = merge(city_db, tmp_path / "two.udx")
    assert (two.counts["member"].updated, two.counts["member"].tombstoned,
            two.counts["member"].unchanged) == (1, 1, 2)


def test_package_with_a_row_of_another_township_is_refused_whole(city, township, tmp_path):
    # Given 大洋镇's file holds a row marked as 乾潭镇's (a forged or broken file)
    city_db, _ = city
    dy = township("DY")
    ids = populate(dy)
    with dy.engine.begin() as conn:
        conn.execute(sa.text("UPDATE member SET township = 'QT' WHERE id = :i"), {"i": ids[1]})
    export(dy, tmp_path / "dy.udx")
    before = city_state(city_db)
    # When the city merges it: refused, naming the row and the township, nothing written
    [result] = merge(city_db, tmp_path / "dy.udx")
    assert result.outcome == MergeOutcome.REFUSED
    assert "dy.udx" in result.reason and ids[1] in result.reason and "大洋镇" in result.reason
    assert city_state(city_db) == before


def test_a_package_cannot_take_over_another_townships_row(city, township, tmp_path):
    # Given 乾潭镇's member is at the city, and 大洋镇's file has a row with the same id
    city_db, _ = city
    qt, dy = township("QT"), township("DY")
    qt_ids = populate(qt, first_serial=100)
    export(qt, tmp_path / "qt.udx")
    merge(city_db, tmp_path / "qt.udx")
    populate(dy)
    with dy.engine.begin() as conn:
        conn.execute(sa.text("UPDATE member SET id = :q WHERE name = '会员2'"), {"q": qt_ids[2]})
    export(dy, tmp_path / "dy.udx")
    [result] = merge(city_db, tmp_path / "dy.udx")
    assert result.outcome == MergeOutcome.REFUSED and "乾潭镇" not in result.reason.split("：")[0]
    assert qt_ids[2] in result.reason
    with city_db.session() as s:
        assert s.get(Member, qt_ids[2]).township == "QT" and s.get(Member, qt_ids[2]).name == "会员2"


def test_same_id_number_in_two_townships_is_no_integrity_error(city, township, tmp_path):
    # Given the same person active in 大洋镇 and 乾潭镇 (a transfer recorded on one side only)
    city_db, _ = city
    for code in ("DY", "QT"):
        db = township(code)
        populate(db, members=2)
        export(db, tmp_path / f"{code}.udx")
    results = merge(city_db, tmp_path / "DY.udx", tmp_path / "QT.udx")
    assert all(r.outcome == MergeOutcome.MERGED for r in results)
    assert count(city_db, "member") == 4
    assert results[1].review_items >= 2  # both people flagged for review


def test_new_signing_key_is_refused_until_accepted_and_the_decision_is_recorded(
        city, township, blank, tmp_path):
    from union_desk.services.exchange.trust import accept_key, list_signers

    city_db, key_file = city
    dy = township("DY")
    populate(dy)
    export(dy, tmp_path / "old.udx")
    merge(city_db, tmp_path / "old.udx")
    # Given 大洋镇 has a new laptop (a new installation, a new key) with the same records
    from exchange_helpers import make_township
    dy.backup(tmp_path / "laptop2.sqlite3")
    laptop = make_township(tmp_path / "laptop2.sqlite3", "DY", None)
    with laptop.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM exchange_key WHERE purpose = '签名'"))
        conn.execute(sa.text("DELETE FROM setting WHERE key LIKE 'exchange.%'"))
    new = export(laptop, tmp_path / "new.udx")
    laptop.close()
    # When the city merges it: refused, the key kept as pending with its fingerprint
    [refused] = merge(city_db, tmp_path / "new.udx")
    assert refused.outcome == MergeOutcome.REFUSED and new.signing_fingerprint in refused.reason
    with city_db.session() as s:
        statuses = {r.fingerprint: r.status.value for r in list_signers(s)}
    assert statuses[new.signing_fingerprint] == "待确认"
    # When a person accepts it with a reason, it merges; the old key is retired
    with pytest.raises(UserError):
        with city_db.session(write=True) as s:
            accept_key(s, fingerprint=new.signing_fingerprint, reason=" ")
    from union_desk.cli import main  # the command, as the README shows it

    assert main(["--db", str(city_db.location), "exchange", "accept-key",
                 new.signing_fingerprint, "--reason", "电话核对，换了电脑"]) == 0
    [merged] = merge(city_db, tmp_path / "new.udx")
    assert merged.outcome == MergeOutcome.MERGED
    with city_db.session() as s:
        rows = {r.fingerprint: r for r in list_signers(s)}
    assert rows[new.signing_fingerprint].decision == "电话核对，换了电脑"
    assert rows[new.signing_fingerprint].decided_by == "市总会计"
    assert [r.status.value for r in rows.values()].count("已停用") == 1
    with city_db.engine.connect() as conn:
        audit = conn.execute(sa.text("SELECT action, actor, after FROM audit_entry "
                                     "WHERE table_name = 'exchange_signer'")).all()
    assert any("电话核对，换了电脑" in (a[2] or "") and a[1] == "市总会计" for a in audit), audit


def test_private_keys_never_leave_in_the_package_or_json(city, township, tmp_path, capsys):
    from union_desk.cli import main
    from union_desk.services.exchange.package import open_package

    city_db, _ = city
    dy = township("DY")
    populate(dy)
    export(dy, tmp_path / "dy.udx")
    with dy.engine.connect() as conn:
        signing_secret = conn.execute(sa.text(
            "SELECT secret FROM exchange_key WHERE purpose = '签名'")).scalar_one()
    with city_db.engine.connect() as conn:
        city_secret = conn.execute(sa.text(
            "SELECT secret FROM exchange_key WHERE purpose = '市总解密'")).scalar_one()
    from union_desk.services.exchange.keys import city_private_key
    with city_db.session() as s:
        snapshot = open_package(tmp_path / "dy.udx").decrypt(city_private_key(s))
    raw = (tmp_path / "dy.udx").read_bytes()
    for secret in (signing_secret, city_secret):
        for where in (raw, snapshot):
            assert secret.encode() not in where and bytes.fromhex(secret) not in where
    with zipfile.ZipFile(tmp_path / "dy.udx") as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert signing_secret not in json.dumps(manifest)
    # nor in the audit trail, nor in any JSON the commands print
    with dy.engine.connect() as conn:
        audit = " ".join(r[0] or "" for r in conn.execute(sa.text("SELECT after FROM audit_entry")))
    assert signing_secret not in audit
    assert main(["--db", str(dy.path), "exchange", "export", str(tmp_path / "b.udx"), "--json"]) == 0
    assert main(["--db", str(city_db.location), "exchange", "keys", "--json"]) == 0
    printed = capsys.readouterr().out
    assert signing_secret not in printed and city_secret not in printed


def test_export_without_the_city_key_says_how_to_get_it(blank, tmp_path):
    from exchange_helpers import make_township

    db = make_township(blank("x.sqlite3"), "DY", None)
    with pytest.raises(UserError, match="市总工会公钥"):
        export(db, tmp_path / "x.udx")
    assert not (tmp_path / "x.udx").exists()
    db.close()


def test_city_unique_indexes_carry_the_township(city):
    city_db, _ = city
    inspector = sa.inspect(city_db.engine)
    columns = {i["name"]: i["column_names"] for t in inspector.get_table_names()
               for i in inspector.get_indexes(t) if i["name"].startswith("ux_")}
    for name in ("ux_member_id_number", "ux_member_card_no", "ux_payment_voucher_no",
                 "ux_station_code", "ux_trip_campaign_name", "ux_station_counter_prefix"):
        assert "township" in columns[name], name


def test_rows_left_without_a_township_code_travel_as_the_townships(city, township, tmp_path):
    """A township file from an older version may hold rows whose code was left blank; they are
    the township's (the file is), so the package carries them with its code."""
    city_db, _ = city
    dy = township("DY")
    ids = populate(dy)
    with dy.engine.begin() as conn:
        conn.execute(sa.text("UPDATE member SET township = '' WHERE id = :i"), {"i": ids[0]})
    export(dy, tmp_path / "dy.udx")
    [result] = merge(city_db, tmp_path / "dy.udx")
    assert result.outcome == MergeOutcome.MERGED and result.counts["member"].new == 3
    with city_db.session() as s:
        assert s.get(Member, ids[0]).township == "DY"


def test_the_city_finds_merged_members_by_any_digits_after_updates_and_tombstones(
        city, township, tmp_path):
    """The city's search index follows every merged row: new, updated, tombstoned."""
    from union_desk.services.roster.members import search_members

    def found(text):
        with city_db.session() as s:
            return [r.name for r in search_members(s, text=text)]

    city_db, _ = city
    dy = township("DY")
    ids = populate(dy)
    with dy.session(write=True) as s:
        s.get(Member, ids[0]).phone = "13805716026"
    export(dy, tmp_path / "one.udx")
    merge(city_db, tmp_path / "one.udx")
    assert found("0571") == ["会员0"] and found(make_id(2)[6:14]) == ["会员0", "会员1", "会员2"]
    # Given the township changes a phone and tombstones a member, and the city merges again
    with dy.session(write=True) as s:
        s.get(Member, ids[0]).phone = "13912345922"
        s.get(Member, ids[1]).deleted_at = utcnow()
    export(dy, tmp_path / "two.udx")
    merge(city_db, tmp_path / "two.udx")
    # Then the old digits find nobody, the new ones the member, and the tombstoned is gone
    assert found("0571") == [] and found("1234592") == ["会员0"]
    assert found(make_id(2)[6:14]) == ["会员0", "会员2"]


def test_clerk_accounts_and_their_password_hashes_stay_on_the_laptop(city, township, tmp_path):
    # Given a township with a second clerk account (a password hash on file)
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts.accounts import add_account
    from union_desk.services.exchange.keys import city_private_key
    from union_desk.services.exchange.package import open_package
    from union_desk.services.exchange.snapshot import LOCAL_TABLES

    city_db, _ = city
    dy = township("DY")
    populate(dy)
    with dy.session(write=True) as s:
        add_account(s, name="审核员甲", role=AccountRole.REVIEWER, password="审核员甲的密码123",
                    own_password="负责人的密码456")
    with dy.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(sa.text("SELECT password_hash FROM account"))]
    assert "account" in LOCAL_TABLES and len(hashes) == 2
    # When it exports Then the package's snapshot holds no account and no hash
    export(dy, tmp_path / "dy.udx")
    with city_db.session() as s:
        snapshot = open_package(tmp_path / "dy.udx").decrypt(city_private_key(s))
    assert not any(h.encode() in snapshot for h in hashes)
    copy = tmp_path / "snapshot.sqlite3"
    copy.write_bytes(snapshot)
    import sqlite3
    con = sqlite3.connect(copy)
    try:
        assert con.execute("SELECT count(*) FROM account").fetchone()[0] == 0
    finally:
        con.close()
    # and the city merges it without an account table of the township's
    [result] = merge(city_db, tmp_path / "dy.udx")
    assert result.ok and "account" not in result.counts
