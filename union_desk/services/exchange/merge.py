"""The city office merges a township's package: verify, decrypt, migrate a copy if older,
validate, then write by UUID in ONE write transaction per package.

Order of checks (each refusal names the file and the reason; nothing is written):
signature and hashes (package.py) → city key and decryption → schema revision (newer: 请先升级;
older: a temporary copy is migrated first) → every row's key of the package's own township, and
every row to be written validated whole (incoming.py) → signing key trusted (trust.py). Then, in
the write transaction: rows newer than the city's copy replace it, rows the city has never seen
are inserted, tombstones are ordinary updates (merge_rows.py, through Core); review items are
found; the merge is recorded in the history. A refusal is recorded in the history by a
transaction of its own. The same file merged again is recognised by its SHA-256.

Several staff at once: a merge's write transaction holds its township's lock (`township_lock`)
rather than the database's write lock, so merges of different townships run side by side on a
server, while two merges of one township — the same file from two desks, or two of its packages
— follow one another, and the second sees what the first wrote (the same file: "already merged").
Review items are found under one more lock (`REVIEW_LOCK`), held to the commit, so of two merges
the later always sees the earlier's rows. SQLite has one writer at a time anyway.
"""
from __future__ import annotations

import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.db import database_of, hold_lock
from union_desk.dialect_bulk import bulk_write_cache
from union_desk.models.exchange import MergeOutcome, MergeRecord
from union_desk.services.errors import UserError
from union_desk.services.exchange import keys, review, trust
from union_desk.services.exchange.incoming import (Snapshot, held_stamps, open_snapshot,
                                                   read_snapshot)
from union_desk.services.exchange.merge_rows import TableCounts, merge_table
from union_desk.services.exchange.package import Opened, open_package
from union_desk.services.exchange.rows import merged_tables
from union_desk.services.exchange.trust import township_lock
from union_desk.services.year_report import city_wide

Progress = Callable[[int, int], None]
REVIEW_LOCK = "exchange-review"


class MergeResult(BaseModel):
    file: str
    outcome: MergeOutcome
    reason: str = ""
    township: str = ""
    township_name: str = ""
    sequence: int = 0
    installation_id: str = ""
    signer_fingerprint: str = ""
    new_signer: bool = False
    counts: dict[str, TableCounts] = {}
    review_items: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome != MergeOutcome.REFUSED


def merge_into_this_database(session, *, paths: list[Path],
                             progress: Progress | None = None) -> list[MergeResult]:
    """The window's merge into the database `session` belongs to; each package keeps its own
    transaction, so the window runs this as a read op beside its writes."""
    return merge_packages(database_of(session), paths, progress=progress)


def merge_packages(db, paths: list[Path], *, progress: Progress | None = None) -> list[MergeResult]:
    """Each package on its own (a refused one does not stop the others), in the given order.
    While one package is written, the next is verified, decrypted and validated on a second
    thread (SQLite and pydantic-core release the GIL: the two cores overlap)."""
    with db.session() as s:
        keys.city_key(s)  # a township's database merges nothing
    paths = [Path(p) for p in paths]
    results: list[MergeResult] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="merge-read") as pool:
        ahead = pool.submit(_prepare, db, paths[0]) if paths else None
        for i in range(len(paths)):
            prepared = ahead.result()
            ahead = pool.submit(_prepare, db, paths[i + 1]) if i + 1 < len(paths) else None
            results.append(_apply(db, prepared, progress))
    return results


def merge_package(db, path: str | Path, *, progress: Progress | None = None) -> MergeResult:
    return _apply(db, _prepare(db, Path(path)), progress)


@dataclass
class _Prepared:
    """A package read and checked, ready for its write transaction (or refused already)."""

    path: Path
    opened: Opened | None = None
    snapshot: Snapshot | None = None
    merged_before: datetime | None = None  # this very file was merged then
    error: UserError | None = None


def _prepare(db, path: Path) -> _Prepared:
    found = _Prepared(path=path)
    try:
        found.opened = opened = open_package(path)
        with db.session() as s:
            found.merged_before = _merged_before(s, opened)
            if found.merged_before is not None:
                return found
            key = keys.city_private_key(s)
            held = {t.name: held_stamps(s, t, township=opened.manifest.township)
                    for t in merged_tables()}
        with tempfile.TemporaryDirectory(prefix="union-desk-merge-") as folder:
            con = open_snapshot(key, opened, Path(folder))
            found.snapshot = read_snapshot(con, opened.manifest, path.name, held)
    except UserError as err:
        found.error = err
    return found


def _apply(db, p: _Prepared, progress: Progress | None) -> MergeResult:
    name = p.path.name
    try:
        if p.error is not None:
            raise p.error
        lock = township_lock(p.opened.manifest.township)
        with db.session(write=True, lock=lock) as s, city_wide(s):
            # what another desk merged while this one waited for the township is seen now
            when = p.merged_before or _merged_before(s, p.opened)
            if when is not None:
                return _already_merged(s, p.opened, name, when)
            with bulk_write_cache(s.connection()):
                return _write(s, p.opened, name, p.snapshot, progress)
    except UserError as err:
        return _refuse(db, name, p.opened, err)


# -- the write ----------------------------------------------------------------------------------

def _write(s: Session, opened: Opened, name: str, snapshot: Snapshot,
           progress: Progress | None) -> MergeResult:
    m = opened.manifest
    signer, first = trust.check_signer(s, manifest=m, package=name)
    result = MergeResult(file=name, outcome=MergeOutcome.MERGED, township=m.township,
                         township_name=m.township_name, sequence=m.sequence,
                         installation_id=m.installation_id,
                         signer_fingerprint=m.signing_fingerprint, new_signer=first)
    if m.sequence < signer.last_sequence:
        result.outcome = MergeOutcome.OLDER
        result.reason = (f"已合并过该电脑更新的数据包（第 {signer.last_sequence} 号），"
                         f"本包是第 {m.sequence} 号，较旧，不覆盖任何记录")
    else:
        total = sum(t.total for t in snapshot.tables) or 1
        done = 0
        for given in snapshot.tables:
            result.counts[given.incoming.table.name] = merge_table(s, given, m, name)
            done += given.total
            if progress:
                progress(done, total)
        if snapshot.voucher_secret:
            keys.keep_voucher_secret(s, township=m.township, secret=snapshot.voucher_secret)
        signer.last_sequence = m.sequence
        if any(c.new or c.updated for c in result.counts.values()):
            # nothing written: nothing new to find (items are found from either side)
            hold_lock(s, REVIEW_LOCK)
            result.review_items = review.find_review_items(s, township=m.township)
    _history(s, result, opened)
    return result


def _merged_before(s: Session, opened: Opened):
    """When this very file (same SHA-256) was merged already: when."""
    return s.execute(sa.select(sa.func.min(MergeRecord.created_at)).where(
        MergeRecord.package_sha256 == opened.package_sha256,
        MergeRecord.outcome == MergeOutcome.MERGED)).scalar_one()


def _already_merged(s: Session, opened: Opened, name: str, when) -> MergeResult:
    """The same file again: its key must still be trusted; its rows are all already here (a
    township's rows change only through its own newer packages, which this cannot overwrite)."""
    m = opened.manifest
    signer, _ = trust.check_signer(s, manifest=m, package=name)
    result = MergeResult(file=name, outcome=MergeOutcome.MERGED, township=m.township,
                         township_name=m.township_name, sequence=m.sequence,
                         installation_id=m.installation_id,
                         signer_fingerprint=m.signing_fingerprint,
                         reason=f"同一数据包已于 {when.astimezone():%Y-%m-%d %H:%M} 合并过，未改动任何记录",
                         counts={t: TableCounts(unchanged=n) for t, n in m.row_counts.items()
                                 if t not in ("setting",)})
    if m.sequence < signer.last_sequence:
        result.outcome = MergeOutcome.OLDER
    _history(s, result, opened)
    return result


def _history(s: Session, result: MergeResult, opened: Opened | None) -> None:
    m = opened.manifest if opened else None
    s.add(MergeRecord(
        file_name=result.file[:260], package_sha256=opened.package_sha256 if opened else "",
        installation_id=result.installation_id, source_township=result.township,
        sequence=result.sequence, made_at=m.made_at if m else None, outcome=result.outcome,
        reason=result.reason[:500],
        counts=json.dumps({k: v.model_dump() for k, v in result.counts.items()}),
        signer_fingerprint=result.signer_fingerprint, merged_by=s.info.get("actor", "")))
    s.flush()


def _refuse(db, name: str, opened: Opened | None, err: UserError) -> MergeResult:
    m = opened.manifest if opened else None
    result = MergeResult(file=name, outcome=MergeOutcome.REFUSED, reason=str(err))
    if m is not None:
        result = result.model_copy(update=dict(
            township=m.township, township_name=m.township_name, sequence=m.sequence,
            installation_id=m.installation_id, signer_fingerprint=m.signing_fingerprint))
    # under the township's lock: a pending key is recorded once, whichever desk refused it
    with db.session(write=True, lock=township_lock(m.township) if m else None) as s:
        if m is not None and isinstance(err, trust.NewKeyForTownship):
            trust.record_pending(s, manifest=m)
        _history(s, result, opened)
    return result
