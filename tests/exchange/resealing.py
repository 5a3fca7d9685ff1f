"""Real package files with something wrong, made with the package format's own `seal`:
re-signed by another key, claiming a newer schema, or from a township on an older version."""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from union_desk.services.exchange.keys import city_key, city_private_key, fingerprint
from union_desk.services.exchange.package import open_package, seal, write_package


def _seal(city_db, manifest, snapshot: bytes, signer, out: Path) -> Path:
    with city_db.session() as s:
        public = X25519PublicKey.from_public_bytes(bytes.fromhex(city_key(s).public_key))
    key = signer.public_key().public_bytes_raw().hex()
    manifest = manifest.model_copy(update={"signing_key": key,
                                           "signing_fingerprint": fingerprint(key)})
    _, data = seal(manifest=manifest, snapshot=snapshot, signer=signer, recipient=public)
    write_package(out, data)
    return out


def reseal(city_db, package: Path, out: Path, *, signer=None, schema: str | None = None) -> Path:
    """Open a genuine package at the city and seal its data again, changed as asked."""
    opened = open_package(package)
    with city_db.session() as s:
        snapshot = opened.decrypt(city_private_key(s))
    manifest = opened.manifest
    if schema is not None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "s.sqlite3"
            path.write_bytes(snapshot)
            con = sqlite3.connect(path)
            con.execute("UPDATE alembic_version SET version_num = ?", (schema,))
            con.commit()
            con.close()
            snapshot = path.read_bytes()
        manifest = manifest.model_copy(update={"schema_revisions": [schema]})
    return _seal(city_db, manifest, snapshot, signer or Ed25519PrivateKey.generate(), out)


def old_township_package(city_db, path: Path, out: Path) -> Path:
    """A 大洋镇 database at revision 0007 with a union and two members, sealed as that version's
    export would have been (the format is the same; only the schema inside is older)."""
    from alembic import command

    from union_desk.db import Database
    from union_desk.models.base import utcnow
    from union_desk.services.exchange.package import Manifest
    from union_desk.services.exchange.snapshot import strip_snapshot

    path.unlink()
    db = Database(path)
    with db.engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0007")
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    con = sqlite3.connect(path)
    con.executescript(f"""
        INSERT INTO setting (id, township, created_at, updated_at, key, value)
            VALUES ('s1', 'DY', '{now}', '{now}', 'township', '"DY"');
        INSERT INTO grassroots_union (id, township, created_at, updated_at, name, credit_code,
            chair, phone, status, closed_reason, py_full, founded)
            VALUES ('u1', 'DY', '{now}', '{now}', '老版本工会', '', '', '', '在册', '', '',
                    '2019-05-01');
    """)
    from exchange_helpers import make_id

    for i, number in enumerate((make_id(11), make_id(12))):
        con.execute("INSERT INTO member (id, township, created_at, updated_at, name, gender, "
                    "ethnicity, id_number, phone, employer, union_id, card_no, is_migrant, "
                    "hukou_type, status, name_key, py_initials, py_full) VALUES "
                    "(?, 'DY', ?, ?, ?, '', '汉族', ?, '', '', 'u1', NULL, 0, '', '在册', '', '', '')",
                    (f"m{i}", now, now, f"老会员{i}", number))
    con.commit()
    con.close()
    db.engine.dispose()
    with tempfile.TemporaryDirectory() as folder:
        snap = Path(folder) / "snap.sqlite3"
        shutil.copyfile(path, snap)
        counts = strip_snapshot(snap)
        snapshot = snap.read_bytes()
    manifest = Manifest(format="", township="DY", township_name="大洋镇",
                        installation_id="old0000000000000000000000000000", signing_key="",
                        signing_fingerprint="", recipient_fingerprint="",
                        schema_revisions=["0007"], sequence=1, made_at=utcnow(),
                        row_counts=counts, payload_sha256="", snapshot_sha256="")
    return _seal(city_db, manifest, snapshot, Ed25519PrivateKey.generate(), out)
