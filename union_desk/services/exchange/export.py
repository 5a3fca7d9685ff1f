"""The township's export for the city office: one signed package encrypted to the city's key.

A short write takes the next sequence number (and makes the signing key on the first export);
the snapshot, encryption and file are made outside that transaction, so the window's other work
goes on. A failed export leaves a gap in the sequence numbers, which the city does not mind.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import BaseModel

from union_desk.db import database_of
from union_desk.models.base import utcnow
from union_desk.services.errors import UserError
from union_desk.services.exchange import keys
from union_desk.services.exchange.package import Manifest, seal, write_package
from union_desk.services.exchange.snapshot import strip_snapshot
from union_desk.services.hardship.voucher_numbers import this_township
from union_desk.services.settings import get_setting, is_city, put_setting

SEQUENCE_KEY = "exchange.sequence"
NO_CITY_KEY = ("还没有导入市总工会的公钥，不能导出。请向建德市总工会索取公钥文件（city-key.json），"
               "核对电话里读出的指纹后，在 设置 ▸ 市总工会公钥… 导入，"
               "或运行 union-desk exchange trust-city 公钥文件")


class ExportResult(BaseModel):
    path: Path
    township: str
    township_name: str
    sequence: int
    row_counts: dict[str, int]
    size: int
    signing_fingerprint: str
    recipient_fingerprint: str


def export_this_database(session, *, out: str | Path,
                         progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """The window's export of the database `session` belongs to. `export_package` keeps its own
    short write and reads a snapshot, so the window runs this as a read op beside its writes."""
    return export_package(database_of(session), out, progress=progress)


def export_package(db, out: str | Path, *,
                   progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Write the package for `db` (a township database) to `out`."""
    step = progress or (lambda _d, _t: None)
    with db.session(write=True) as s:
        if is_city(s):
            raise UserError("这是市总工会的数据库：导出给市总工会只在乡镇（街道）的电脑上进行")
        town = this_township(s)
        city = keys.trusted_city_key(s)
        if city is None:
            raise UserError(NO_CITY_KEY)
        signer = keys.signing_key(s)
        installation = keys.installation_id(s)
        sequence = int(get_setting(s, key=SEQUENCE_KEY, default=0)) + 1
        put_setting(s, key=SEQUENCE_KEY, value=sequence)
    step(1, 4)
    with tempfile.TemporaryDirectory(prefix="union-desk-export-") as folder:
        snap = Path(folder) / "snapshot.sqlite3"
        db.backup(snap)
        step(2, 4)
        counts = strip_snapshot(snap, town.code)
        snapshot = snap.read_bytes()
    step(3, 4)
    public = signer.public_key().public_bytes_raw().hex()
    manifest = Manifest(
        format="", township=town.code, township_name=town.name, installation_id=installation,
        signing_key=public, signing_fingerprint=keys.fingerprint(public),
        recipient_fingerprint="", schema_revisions=sorted(db.stored_revisions()),
        sequence=sequence, made_at=utcnow(), row_counts=counts, payload_sha256="",
        snapshot_sha256="")
    manifest, data = seal(manifest=manifest, snapshot=snapshot, signer=signer,
                          recipient=X25519PublicKey.from_public_bytes(bytes.fromhex(city.public_key)))
    write_package(out, data)
    step(4, 4)
    return ExportResult(path=Path(out).resolve(), township=town.code, township_name=town.name,
                        sequence=sequence, row_counts=counts, size=len(data),
                        signing_fingerprint=manifest.signing_fingerprint,
                        recipient_fingerprint=manifest.recipient_fingerprint)
