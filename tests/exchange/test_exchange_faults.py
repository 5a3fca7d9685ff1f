"""Bad package files and faults, each on a real package file: refused with the file's name and a
clear reason, the city database unchanged; a merge killed half-way leaves it as it was."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from exchange_helpers import city_state, export, make_city, merge, populate
from union_desk.models.exchange import MergeOutcome


@pytest.fixture
def package(city, township, tmp_path):
    dy = township("DY")
    populate(dy, members=5)
    export(dy, tmp_path / "dy.udx")
    return tmp_path / "dy.udx"


def refused(city_db, path) -> str:
    before = city_state(city_db)
    [result] = merge(city_db, path)
    assert result.outcome == MergeOutcome.REFUSED
    assert path.name in result.reason
    assert city_state(city_db) == before
    return result.reason


def test_truncated_package(city, package):
    data = package.read_bytes()
    cut = package.with_name("cut.udx")
    for size in (len(data) // 2, len(data) - 10, 10):
        cut.write_bytes(data[:size])
        assert "不完整" in refused(city[0], cut) or "不是市总工会数据包" in refused(city[0], cut)


@pytest.mark.parametrize("where", [0.05, 0.3, 0.5, 0.8, 0.99])
def test_one_byte_changed_anywhere(city, package, where):
    data = bytearray(package.read_bytes())
    at = int(len(data) * where)
    data[at] ^= 0x01
    bad = package.with_name("bad.udx")
    bad.write_bytes(bytes(data))
    refused(city[0], bad)


def test_one_byte_changed_in_the_manifest_breaks_the_signature(city, package):
    data = package.read_bytes()
    at = data.index(b'"sequence":1') + len(b'"sequence":')
    bad = package.with_name("seq.udx")
    bad.write_bytes(data[:at] + b"7" + data[at + 1:])
    reason = refused(city[0], bad)
    assert "签名无效" in reason or "损坏" in reason


def test_not_a_package_at_all(city, tmp_path):
    for name, content in (("notes.udx", "这不是数据包".encode()), ("empty.udx", b""),
                          ("zip.udx", None)):
        path = tmp_path / name
        if content is None:
            import zipfile
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("hello.txt", "hi")
        else:
            path.write_bytes(content)
        assert "不是市总工会数据包" in refused(city[0], path)
    assert "不存在" in refused(city[0], tmp_path / "missing.udx")


def test_encrypted_to_another_city_key(blank, township, tmp_path, package):
    other_db, _ = make_city(blank("other.sqlite3"), tmp_path / "other-key.json", "另一个市总工会")
    try:
        reason = refused(other_db, package)
        assert "另一个市总工会公钥" in reason
    finally:
        other_db.close()


def test_signed_by_an_unknown_key_resealed_by_a_forger(city, township, tmp_path, package):
    """Someone re-signs 大洋镇's data with their own key: the city knows 大洋镇's key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from resealing import reseal

    merge(city[0], package)  # 大洋镇's real key is registered
    forged = reseal(city[0], package, tmp_path / "forged.udx", signer=Ed25519PrivateKey.generate())
    assert "另一个签名密钥" in refused(city[0], forged)


def test_newer_schema_is_refused_please_upgrade(city, tmp_path, package):
    from resealing import reseal

    newer = reseal(city[0], package, tmp_path / "newer.udx", schema="0099")
    assert "请先升级" in refused(city[0], newer)


def test_older_schema_is_migrated_on_a_copy_then_merged(city, blank, tmp_path):
    """A township still on 0007 (before the exchange): its file is brought to head, then merged."""
    from resealing import old_township_package

    path = old_township_package(city[0], blank("old.sqlite3"), tmp_path / "old.udx")
    [result] = merge(city[0], path)
    assert result.outcome == MergeOutcome.MERGED, result.reason
    assert result.counts["member"].new == 2


KILLER = r"""
import sys, time
from pathlib import Path
from union_desk.db import open_database
from union_desk.services.exchange.merge import merge_package

db = open_database(sys.argv[1])
def progress(done, total):
    print("WRITING", done, total, flush=True)
    time.sleep(60)  # killed here, half-way through the write transaction
merge_package(db, Path(sys.argv[2]), progress=progress)
"""


def test_merge_killed_half_way_leaves_the_city_database_as_it_was(city, package):
    city_db, _ = city
    before = city_state(city_db)
    with city_db.engine.connect() as conn:
        history = conn.execute(sa.text("SELECT count(*) FROM exchange_merge")).scalar_one()
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(city_db.path), str(package)],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        line = proc.stdout.readline()
        assert line.startswith("WRITING"), line
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    city_db.engine.dispose()
    assert city_state(city_db) == before
    with city_db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM exchange_merge")).scalar_one() == history
    assert city_db.check() == []
    # and the same package merges whole afterwards
    [result] = merge(city_db, package)
    assert result.outcome == MergeOutcome.MERGED and result.counts["member"].new == 5


@pytest.mark.parametrize("column, value, field", [
    ("status", "乱写", "status"),
    ("name", "名" * 41, "name"),
    ("updated_at", "2025-01-02T03:04:05+08:00", "updated_at"),
    ("join_date", "2025-02-30", "join_date"),
])
def test_a_record_that_fails_validation_refuses_the_package(city, township, tmp_path, column,
                                                             value, field):
    # Given 大洋镇's file with one member row the app could never have written
    dy = township("DY")
    ids = populate(dy)
    with dy.engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE member SET {column} = :v WHERE id = :i"),
                     {"v": value, "i": ids[1]})
    export(dy, tmp_path / "bad.udx")
    reason = refused(city[0], tmp_path / "bad.udx")
    assert "member" in reason and ids[1] in reason and field in reason


def test_every_byte_outside_the_payload_is_checked(package):
    # Given a package; When any one byte of its zip structure, manifest or signature changes
    # (the encrypted payload is covered by its hash, tested above) Then it is refused
    import zipfile

    from union_desk.services.exchange.package import PAYLOAD, PackageError, open_package

    data = package.read_bytes()
    with zipfile.ZipFile(package) as zf:
        info = zf.getinfo(PAYLOAD)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    payload = range(start, start + info.compress_size)
    bad = package.with_name("flipped.udx")
    checked = 0
    for at in range(len(data)):
        if at in payload:
            continue
        flipped = bytearray(data)
        flipped[at] ^= 0x01
        bad.write_bytes(bytes(flipped))
        with pytest.raises(PackageError):
            open_package(bad)
        checked += 1
    assert checked > 400  # headers, manifest, signature, central directory
