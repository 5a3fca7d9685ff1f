"""Inside the merge's write transaction: one table's rows from a package into the city.

The rows arrive already chosen (incoming.py: those the city lacked or held older when the package
was read) and are checked again here against what the city holds now — another desk may have
merged a newer package of the same township meanwhile. Rows the city has never seen are plain
inserts (`dialect.insert_stored`: SQLite's executemany as stored, PostgreSQL's COPY); rows it
holds older go through the newer-only upsert (`dialect.upsert_stored`, same township only).
Updates before inserts, tombstones first in each: a record removed (or changed) and entered again
must not meet its old self in a per-township unique index (an ID number) half-way through.
"""
from __future__ import annotations

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.dialect import fetch_plain, insert_stored, recoverable, upsert_stored
from union_desk.domain.townships import township_by_code
from union_desk.services.errors import UserError
from union_desk.services.exchange import review
from union_desk.services.exchange.incoming import TableInput, stored_stamp
from union_desk.services.exchange.package import Manifest

CHUNK = 5_000  # rows per statement
LOOKUP = 900  # ids per `IN (…)` when only some of a township's rows are looked up
LOOK_UP_ALL_ABOVE = 2_000  # more rows than this: read the township's whole table instead


class TableCounts(BaseModel):
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    tombstoned: int = 0


def merge_table(s: Session, given: TableInput, m: Manifest, name: str) -> TableCounts:
    """Write one table's chosen rows; count new, updated, unchanged and tombstoned rows."""
    incoming, table = given.incoming, given.incoming.table
    rows = incoming.rows
    if not rows:
        return TableCounts(unchanged=given.total)
    at = incoming.index
    payment = table.name == "payment"
    held = _held(s, table, m.township, [r[at["id"]] for r in rows], payment)
    inserts: list[tuple] = []
    updates: list[tuple] = []
    tombstoned = 0
    for r in rows:
        old = held.get(r[at["id"]])
        if old is None:
            inserts.append(r)
        elif r[at["updated_at"]] > old[0]:
            updates.append(r)
            if payment and old[2] != r[at["amount_fen"]]:
                review.voucher_amount_changed(s, township=m.township, voucher_no=old[3],
                                              before=old[2], after=r[at["amount_fen"]],
                                              sequence=m.sequence)
        else:
            continue
        if r[at["deleted_at"]] is not None and (old is None or old[1] is None):
            tombstoned += 1
    live_last = lambda r: r[at["deleted_at"]] is None  # noqa: E731
    for write, chosen in ((upsert_stored, sorted(updates, key=live_last)),
                          (insert_stored, sorted(inserts, key=live_last))):
        for start in range(0, len(chosen), CHUNK):
            part = chosen[start:start + CHUNK]
            try:
                # a failure leaves the transaction usable, to name what failed (the connection
                # is asked for inside the block: a savepoint, where there is one, is made then)
                with recoverable(s):
                    write(s.connection(), table, part)
            except (sa.exc.IntegrityError, sa.exc.DataError) as err:
                # an id the city holds for another township, named; else the conflict as is
                _refuse_foreign_ids(s, table, [r[at["id"]] for r in part], m, name)
                detail = str(err.orig).strip().splitlines()[0]
                raise UserError(f"{name}：表 {table.name} 的数据与市总工会库中已有的数据冲突"
                                f"（{detail}），整个数据包未合并") from None
    new, updated = len(inserts), len(updates)
    return TableCounts(new=new, updated=updated, unchanged=given.total - new - updated,
                       tombstoned=tombstoned)


def _held(s: Session, table: sa.Table, township: str, ids: list[str], payment: bool) -> dict:
    """id → (updated_at as stored text, deleted_at, [amount_fen, voucher_no]) of the city's rows
    of this township among `ids` (or all of them, when `ids` are many)."""
    columns = [table.c.id, table.c.updated_at, table.c.deleted_at]
    if payment:
        columns += [table.c.amount_fen, table.c.voucher_no]
    query = sa.select(*columns).where(table.c.township == township)
    conn = s.connection()
    if len(ids) > LOOK_UP_ALL_ABOVE:
        found = fetch_plain(conn, query)
    else:
        found = []
        for start in range(0, len(ids), LOOKUP):
            found += fetch_plain(conn, query.where(table.c.id.in_(ids[start:start + LOOKUP])))
    return {r[0]: (stored_stamp(r[1]), *r[2:]) for r in found}


def _refuse_foreign_ids(s: Session, table: sa.Table, ids: list[str], m: Manifest,
                        name: str) -> None:
    for start in range(0, len(ids), LOOKUP):
        taken = s.execute(sa.select(table.c.id, table.c.township).where(
            table.c.id.in_(ids[start:start + LOOKUP]), table.c.township != m.township)).first()
        if taken is not None:
            raise UserError(f"{name}：表 {table.name} 的记录 {taken[0]} 在市总工会库中属于"
                            f"乡镇代码“{taken[1]}”，{township_by_code(m.township).name}的数据包"
                            f"不能改动它：整个数据包拒收")
