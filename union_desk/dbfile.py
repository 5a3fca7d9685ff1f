"""What a database file on disk is, before anything is written to it, and what SQLite's errors
mean for the clerk.

`probe(path, create=...)` reads (never writes) a file and raises `DatabaseFileError` with one
Chinese message naming the file and what to do when it cannot be opened: missing, a folder or
drive that is not there, not a database (a Word file), another program's SQLite file, from a
newer version of union_desk, read-only, or damaged. `explain(err, path)` turns an error raised
later (busy, disk full, damaged page, I/O error) into the same kind of message, or None when it
is not a database-file problem.
"""
from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

from union_desk.files import DISK_FULL_ERRNOS, write_error_text

SQLITE_HEADER = b"SQLite format 3\x00"
VERSIONS_DIR = Path(__file__).with_name("migrations") / "versions"

# SQLite primary result codes
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


class DatabaseFileError(Exception):
    """A database file that cannot be used as it is. `kind` is one of: missing, folder_missing,
    not_a_file, empty, not_database, foreign, newer, read_only, damaged, busy, full, io."""

    def __init__(self, kind: str, path: str | os.PathLike, message: str):
        super().__init__(message)
        self.kind, self.path, self.message = kind, Path(path), message

    def __str__(self) -> str:
        return self.message


def known_revisions() -> set[str]:
    """Every migration revision shipped with this program (file names start with the id)."""
    return {m.group(1) for p in VERSIONS_DIR.glob("*.py")
            if (m := re.match(r"(\w+?)_", p.name))}


def readonly_uri(path: Path) -> str:
    return f"file:{quote(str(path))}?mode=ro"


def probe(path: str | os.PathLike, *, create: bool) -> None:
    """Raise DatabaseFileError unless `path` is a union_desk database this program can open
    for writing (or, with `create`, a file that does not exist yet or is empty)."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        if create and _drive_present(folder):
            return  # Database() makes the folder
        raise DatabaseFileError("folder_missing", path, (
            f"找不到数据库所在的文件夹：{folder}。U 盘或网络盘是否已连接？请接好后再打开 {path.name}。"))
    if not path.exists():
        if create:
            return
        raise DatabaseFileError("missing", path, (
            f"数据库文件不存在：{path}。请检查文件名和文件夹"
            "（新建数据库请运行 union-desk setup 或 union-desk demo）。"))
    if not path.is_file():
        raise DatabaseFileError("not_a_file", path, f"{path} 是一个文件夹，不是数据库文件。")
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as err:
        raise DatabaseFileError("read_only", path, (
            f"无法读取数据库文件 {path}（{err.strerror or err}）。请检查文件的访问权限。")) from err
    if not header:
        if create:
            return
        raise DatabaseFileError("empty", path, (
            f"数据库文件是空的：{path}。请先运行 union-desk setup 或 union-desk demo。"))
    if header != SQLITE_HEADER:
        raise DatabaseFileError("not_database", path, (
            f"这不是 union_desk 的数据库文件（可能是 Word、Excel 或其他文件）：{path}。"
            "请选择正确的 .sqlite3 数据库文件；这个文件没有被改动。"))
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise DatabaseFileError("read_only", path, (
            f"数据库文件是只读的（或所在文件夹不能写入，例如光盘、写保护的 U 盘）：{path}。"
            "请把它复制到“文档”等可以写入的文件夹，或取消只读属性后再打开；这个文件没有被改动。"))
    tables, revisions = _read_schema(path)
    if not tables:
        if create:
            return
        raise DatabaseFileError("empty", path, (
            f"数据库文件中还没有任何数据：{path}。请先运行 union-desk setup 或 union-desk demo。"))
    if "alembic_version" not in tables or "setting" not in tables:
        raise DatabaseFileError("foreign", path, (
            f"这是其他程序的 SQLite 数据库，不是 union_desk 的数据库：{path}。"
            "请选择正确的文件；这个文件没有被改动。"))
    known = known_revisions()
    unknown = revisions - known if known else set()  # (no shipped list found: Alembic will say)
    if unknown:
        raise DatabaseFileError("newer", path, (
            f"这个数据库来自更新版本的 union_desk（结构版本 {'、'.join(sorted(unknown))}），"
            f"本程序无法打开：{path}。请安装最新版本后再打开；这个文件没有被改动。"))


def _drive_present(folder: Path) -> bool:
    """True when the nearest existing ancestor is not just the root of a missing drive."""
    anchor = Path(folder.anchor) if folder.anchor else Path.cwd()
    return anchor.exists()


def _read_schema(path: Path) -> tuple[set[str], set[str]]:
    sidecars = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True, timeout=5)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revisions: set[str] = set()
            if "alembic_version" in tables:
                revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
            return tables, revisions
        finally:
            con.close()
    except sqlite3.Error as err:
        # a file that cannot be read: leave no journal files beside it that were not there
        for side, was_there in zip(sidecars, existed):
            if not was_there:
                side.unlink(missing_ok=True)
        raise explain(err, path) or _damaged(path, err) from err


def _damaged(path: Path, err: BaseException) -> DatabaseFileError:
    return DatabaseFileError("damaged", path, (
        f"数据库文件已损坏，无法读取：{path}（{err}）。可以用最近的备份恢复，"
        "或把能读出的记录抢救到一个新文件；损坏的文件会被保留，不会被删除。"))


def _sqlite_error(err: BaseException | None) -> sqlite3.Error | None:
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if isinstance(err, sqlite3.Error):
            return err
        orig = getattr(err, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        if isinstance(orig, sqlite3.Error):
            return orig
        err = err.__cause__ or err.__context__
    return None


def explain(err: BaseException, path: str | os.PathLike | None) -> DatabaseFileError | None:
    """The clerk's message for a database or disk problem behind `err`, or None."""
    if isinstance(err, DatabaseFileError):
        return err
    where = Path(path) if path else Path("?")
    name = str(where)
    if isinstance(err, OSError) and err.errno in DISK_FULL_ERRNOS:
        target = err.filename or name
        return DatabaseFileError("full", target, write_error_text(err, target))
    sq = _sqlite_error(err)
    if sq is None:
        return None
    code = (getattr(sq, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(sq)
    if code in (_BUSY, _LOCKED) or "database is locked" in text:
        return DatabaseFileError("busy", where, (
            f"数据库正忙：另一个窗口或命令正在写入 {name}，等待后仍未完成。"
            "刚才的操作没有执行，什么都没有改动；请稍后再试。"))
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return _damaged(where, sq)
    if code == _FULL or "disk is full" in text:
        return DatabaseFileError("full", where, (
            f"磁盘已满（或数据库已达到大小上限），无法写入 {name}。"
            "刚才的操作没有保存，已有的数据完好；请腾出磁盘空间后再试。"))
    if code == _READONLY or "readonly" in text:
        return DatabaseFileError("read_only", where, (
            f"数据库文件是只读的，无法写入：{name}。请把它复制到可以写入的文件夹，或取消只读属性。"))
    if code == _IOERR or "disk I/O error" in text:
        return DatabaseFileError("io", where, (
            f"读写 {name} 时出错（磁盘已满、U 盘被拔出或磁盘故障？）。刚才的操作没有保存，"
            "已有的数据完好；请检查磁盘后再试。"))
    if code == _CANTOPEN or "unable to open" in text:
        return DatabaseFileError("folder_missing", where, (
            f"无法打开数据库文件 {name}。U 盘或网络盘是否已连接，文件夹是否可以访问？"))
    return None
