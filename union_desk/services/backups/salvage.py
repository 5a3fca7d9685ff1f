"""Salvage: read what can still be read out of a damaged database file into a new one.

SQLite's own recovery (`.recover` of the sqlite3 shell, the sqlite3_recover API) is not reachable
from Python on the clerks' Windows laptops: Python's sqlite3 module lacks the `sqlite_dbpage`
table it needs, the shell is not shipped with Windows, and the shell packaged with apsw 3.54 is
built without `.recover` (tried). So this module reads the file format itself (documented at
sqlite.org/fileformat2.html), read-only: it applies the committed frames of a leftover
write-ahead log, walks the schema table and then each table's b-tree from its root page,
skipping any page that is missing (a truncated file), out of range or not a b-tree page, and any
cell that does not decode. Rows go into a new database made by this program's migrations, with
`INSERT OR IGNORE` by column name; the damaged file is never written.
"""
from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path

from union_desk.db import open_database
from union_desk.files import atomic_path
from union_desk.models.member import is_search_structure

_LEAF_TABLE, _INTERIOR_TABLE = 13, 5
# the target's own bookkeeping, not the damaged file's
NOT_COPIED = {"alembic_version", "sqlite_stat1", "sqlite_sequence"}


@dataclass
class SalvageReport:
    out: Path
    rows: dict[str, int] = field(default_factory=dict)  # table → rows written
    lost_tables: list[str] = field(default_factory=list)  # tables whose schema was unreadable
    foreign_key_problems: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class PageFile:
    """The pages of a database file, with a write-ahead log's committed frames laid over."""

    def __init__(self, path: Path):
        data = Path(path).read_bytes()
        if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
            raise ValueError("not a SQLite file")
        size = struct.unpack(">H", data[16:18])[0]
        self.page_size = 65536 if size == 1 else size
        self.usable = self.page_size - data[20]
        self.pages = {n + 1: data[o:o + self.page_size]
                      for n, o in enumerate(range(0, len(data), self.page_size))
                      if len(data[o:o + self.page_size]) == self.page_size}
        wal = Path(f"{path}-wal")
        if wal.exists():
            self._apply_wal(wal.read_bytes())

    def _apply_wal(self, wal: bytes) -> None:
        if len(wal) < 32 or struct.unpack(">I", wal[:4])[0] not in (0x377F0682, 0x377F0683):
            return
        page_size = struct.unpack(">I", wal[8:12])[0]
        if page_size != self.page_size:
            return
        salts = wal[16:24]
        pending: dict[int, bytes] = {}
        offset = 32
        while offset + 24 + page_size <= len(wal):
            header = wal[offset:offset + 24]
            if header[8:16] != salts:
                break
            number, commit = struct.unpack(">II", header[:8])
            pending[number] = wal[offset + 24:offset + 24 + page_size]
            if commit:  # a commit frame: everything up to here is part of the database
                self.pages.update(pending)
                pending = {}
            offset += 24 + page_size

    def page(self, number: int) -> bytes | None:
        return self.pages.get(number)

    # -- b-trees ----------------------------------------------------------------------------
    def table_rows(self, root: int):
        """(rowid, values) of every readable row of the table b-tree rooted at `root`."""
        seen: set[int] = set()
        stack = [root]
        while stack:
            number = stack.pop()
            if number in seen:
                continue
            seen.add(number)
            page = self.page(number)
            if page is None:
                continue
            base = 100 if number == 1 else 0
            kind = page[base]
            if kind not in (_LEAF_TABLE, _INTERIOR_TABLE):
                continue
            cells = struct.unpack(">H", page[base + 3:base + 5])[0]
            header = 8 if kind == _LEAF_TABLE else 12
            pointers = page[base + header:base + header + 2 * cells]
            if kind == _INTERIOR_TABLE:
                stack.append(struct.unpack(">I", page[base + 8:base + 12])[0])
            for i in range(len(pointers) // 2):
                cell = struct.unpack(">H", pointers[2 * i:2 * i + 2])[0]
                if kind == _INTERIOR_TABLE:
                    if cell + 4 <= len(page):
                        stack.append(struct.unpack(">I", page[cell:cell + 4])[0])
                    continue
                try:
                    yield self._leaf_cell(page, cell)
                except (IndexError, ValueError, struct.error, UnicodeDecodeError):
                    continue  # a damaged cell: skip it

    def _leaf_cell(self, page: bytes, offset: int) -> tuple[int, list]:
        size, offset = _varint(page, offset)
        rowid, offset = _varint(page, offset)
        if rowid >= 1 << 63:
            rowid -= 1 << 64
        local = self._local_size(size)
        payload = page[offset:offset + local]
        if local < size:
            payload += self._overflow(struct.unpack(">I", page[offset + local:offset + local + 4])[0],
                                      size - local)
        if len(payload) != size:
            raise ValueError("payload cut short")
        return rowid, _record(payload)

    def _local_size(self, size: int) -> int:
        u = self.usable
        x = u - 35
        if size <= x:
            return size
        m = ((u - 12) * 32 // 255) - 23
        k = m + ((size - m) % (u - 4))
        return k if k <= x else m

    def _overflow(self, number: int, remaining: int) -> bytes:
        out = bytearray()
        seen: set[int] = set()
        while remaining > 0 and number and number not in seen:
            seen.add(number)
            page = self.page(number)
            if page is None:
                raise ValueError("overflow page missing")
            chunk = page[4:4 + min(remaining, self.usable - 4)]
            out += chunk
            remaining -= len(chunk)
            number = struct.unpack(">I", page[:4])[0]
        return bytes(out)


def _varint(buf: bytes, offset: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = buf[offset + i]
        if i == 8:
            return (value << 8) | byte, offset + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, offset + i + 1
    raise ValueError("bad varint")


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _record(payload: bytes) -> list:
    header_size, offset = _varint(payload, 0)
    types = []
    while offset < header_size:
        serial, offset = _varint(payload, offset)
        types.append(serial)
    values, pos = [], header_size
    for serial in types:
        if serial == 0:
            values.append(None)
        elif serial in _INT_SIZES:
            n = _INT_SIZES[serial]
            values.append(int.from_bytes(payload[pos:pos + n], "big", signed=True))
            pos += n
        elif serial == 7:
            values.append(struct.unpack(">d", payload[pos:pos + 8])[0])
            pos += 8
        elif serial in (8, 9):
            values.append(serial - 8)
        elif serial >= 12:
            n = (serial - 12) // 2
            raw = payload[pos:pos + n]
            values.append(raw.decode("utf-8") if serial % 2 else bytes(raw))
            pos += n
        else:
            raise ValueError("reserved serial type")
    if pos > len(payload):
        raise ValueError("record cut short")
    return values


def _columns(create_sql: str) -> list[tuple[str, bool]]:
    """(name, is the rowid alias) for each column, by running the statement in memory."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute(create_sql)
        name = con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchone()[0]
        info = con.execute(f'PRAGMA table_info("{name}")').fetchall()
    finally:
        con.close()
    pks = [r for r in info if r[5]]
    alias = pks[0][1] if len(pks) == 1 and pks[0][2].upper() == "INTEGER" else None
    return [(r[1], r[1] == alias) for r in info]


def read_schema(pages: PageFile) -> dict[str, tuple[int, str]]:
    """Table name → (root page, CREATE TABLE statement), for the readable schema entries."""
    tables = {}
    for _rowid, values in pages.table_rows(1):
        if len(values) >= 5 and values[0] == "table" and isinstance(values[3], int) \
                and isinstance(values[4], str):
            tables[values[1]] = (values[3], values[4])
    return tables


def salvage(damaged: Path, out: Path) -> SalvageReport:
    """Read every readable row of `damaged` into a new database at `out`, made by this
    program's migrations (written under a temporary name, renamed when complete)."""
    pages = PageFile(Path(damaged))
    schema = read_schema(pages)
    report = SalvageReport(out=Path(out))
    with atomic_path(out) as tmp:
        open_database(tmp).close()
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA foreign_keys=OFF")
            con.execute("BEGIN")
            target = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table in sorted(target - NOT_COPIED):
                if table.startswith("sqlite_") or is_search_structure(table):
                    continue  # the search index is rebuilt by the triggers as rows go in
                if table not in schema:
                    report.lost_tables.append(table)
                    continue
                report.rows[table] = _copy_table(con, pages, table, *schema[table])
            con.execute("COMMIT")
            report.foreign_key_problems = len(con.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            con.close()
        with open_database(tmp) as db, db.session(write=True):
            pass  # a write transaction brings the search index up to date with the rows copied
    return report


def _copy_table(con: sqlite3.Connection, pages: PageFile, table: str, root: int,
                sql: str) -> int:
    columns = _columns(sql)
    wanted = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
    keep = [i for i, (name, _alias) in enumerate(columns) if name in wanted]
    names = ", ".join(f'"{columns[i][0]}"' for i in keep)
    marks = ", ".join("?" for _ in keep)
    statement = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    written = 0
    for rowid, values in pages.table_rows(root):
        values = values + [None] * (len(columns) - len(values))  # columns added later
        row = [rowid if columns[i][1] else values[i] for i in keep]
        try:
            written += con.execute(statement, row).rowcount
        except sqlite3.Error:
            continue  # a row that no longer fits the table's constraints
    return written
