"""The SQLite file: engine, pragmas, transactions, checkpoints, migrations, snapshots, checks,
instance lock.

A database on a PostgreSQL server (`--db postgresql://…`, see db_url) is the same Database; its
engine, transactions, migrations and checks are db_server's, and the SQLite-only pieces here
(pragmas, BEGIN IMMEDIATE, VACUUM INTO, ANALYZE, the lock file) are not used for it.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from union_desk import db_server, db_url
# the window reads these before SQLAlchemy is loaded (app.py): their one place is dbhome.py
from union_desk.dbhome import HEADS, InstanceLock, default_db_path  # noqa: F401
from union_desk.search_sql import sync_search_index
from union_desk.dbfile import explain, probe
from union_desk.dialect_bulk import give_back_bulk
from union_desk.files import atomic_path
from union_desk.models import audit as _audit

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 30_000
# SQLite's page cache per connection (default 2 MiB). 16 MiB holds what a keystroke of the
# roster's search reads at a million members many times over (its page ~1.6 MB); bulk writes
# size their own for the block (dialect_bulk.bulk_write_cache: imports by their row count, merges
# 128 MB). It was 64 MiB for imports before they did: each connection that had read a million
# members' pages kept up to 64 MiB (the window 293 MB at its peak; 194 MB at 16 MiB, keystrokes
# the same, benchmarks/RESULTS.md, issue 13). Pages are only allocated as used.
CACHE_SIZE_KIB = 16_384


def _make_engine(path: Path, checkpoint_owed) -> sa.Engine:
    engine = sa.create_engine(
        f"sqlite:///{path}",
        hide_parameters=True,  # an error's text never carries a row's values (names, IDs, phones)
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        # the connection used last is taken again: its page cache holds what was just read
        # (first-in first-out handed each keystroke another connection, each with a cold cache:
        # a million members, the first `zs` read by each of them took 16–18 ms, then 6, issue 13)
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (SQLAlchemy's SQLite recipe)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{CACHE_SIZE_KIB}")
        cur.close()

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn, record):
        if give_back_bulk(dbapi_conn, record.info):  # after a bulk write's transaction
            checkpoint_owed()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class AppSession(Session):
    """The Session class of every Database. Hooks are registered on it once, here, and never per
    database (see models.audit.install: per-target listeners can be lost to id reuse); what is
    particular to one database travels in `session.info` (its flush guards and read scopes)."""


_audit.install(AppSession)


@event.listens_for(AppSession, "before_flush")
def _flush_guards(session, flush_context, instances) -> None:
    for guard in session.info.get("flush_guards", ()):
        guard(session, flush_context, instances)


@event.listens_for(AppSession, "do_orm_execute")
def _read_scopes(state) -> None:
    for scope in state.session.info.get("read_scopes", ()):
        scope(state)


@dataclass
class Context:
    """Who works here: the township code and the clerk, read from settings after setup; once
    someone signs in to an account (services/accounts), `clerk` is its name and `account_id`
    its id."""

    township: str = ""
    clerk: str = ""
    city: bool = False  # the city office's database (services/settings.is_city)
    account_id: str = ""


class Database:
    def __init__(self, path: str | os.PathLike | db_url.ServerURL):
        """`path`: a SQLite file, or a server database (a postgresql:// URL or db_url.ServerURL)."""
        self.location = db_url.parse_target(path)
        self._checkpoint_lock = threading.Lock()  # before the engine, whose checkins use it
        self._checkpointer: threading.Thread | None = None
        self._checkpoint_owed = False
        if db_url.is_server(self.location):
            self.path = None  # no file: self.location names it
            self.engine = db_server.make_engine(self.location)
        else:
            self.path = Path(self.location).resolve()
            self.location = self.path
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = _make_engine(self.path, self.checkpoint_soon)
        self._sessions = sessionmaker(self.engine, class_=AppSession, expire_on_commit=False)
        self._flush_guards: list = []
        self._read_scopes: list = []
        self.context = Context()

    @property
    def is_server(self) -> bool:
        return self.path is None

    def guard_flushes(self, listener) -> None:
        """Run `listener(session, flush_context, instances)` before every ORM flush of this
        database's sessions; it may raise to refuse the whole transaction."""
        if listener not in self._flush_guards:
            self._flush_guards.append(listener)

    def scope_orm_reads(self, listener) -> None:
        """Run `listener(orm_execute_state)` for every ORM statement of this database's sessions
        (it may add options, e.g. a township filter)."""
        if listener not in self._read_scopes:
            self._read_scopes.append(listener)

    # -- transactions -------------------------------------------------------------------
    @contextmanager
    def session(self, write: bool = False, *, lock: str | None = None) -> Iterator[Session]:
        """One transaction: commit when the block ends, roll back on any exception.

        A write transaction holds the database's write lock (SQLite: BEGIN IMMEDIATE; a server:
        an advisory lock every write takes). On a server, `lock` names another lock to hold
        instead, for work that may run beside other writes (see db_server); SQLite has one
        writer at a time whatever the name."""
        session = self._sessions()
        session.info.update(actor=self.context.clerk, township=self.context.township,
                            database=self, flush_guards=self._flush_guards,
                            read_scopes=self._read_scopes)
        try:
            session.connection(execution_options={"write": write, "lock": lock})
            yield session
            if write:
                session.flush()
                if not self.is_server:  # the search index of ID and phone digits (0017)
                    sync_search_index(session)
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()  # a read ends here; objects stay loaded (no expiry) for the caller

    def load_context(self) -> Context:
        from union_desk.models.settings import Setting

        if not sa.inspect(self.engine).has_table(Setting.__tablename__):
            self.context = Context()  # a file not migrated yet
            return self.context
        with self.session() as s:
            rows = dict(s.execute(sa.select(Setting.key, Setting.value)
                                  .where(Setting.key.in_(["township", "clerk", "role"]))).all())
        self.context = Context(township=json.loads(rows.get("township", '""')),
                               clerk=json.loads(rows.get("clerk", '""')),
                               city=json.loads(rows.get("role", '""')) == "city")
        return self.context

    # -- migrations ---------------------------------------------------------------------
    def _alembic_config(self, connection=None):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = connection
        return cfg

    def revisions(self) -> tuple[set[str], set[str]]:
        """(current revisions in the file, head revisions shipped with the app)."""
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        heads = set(ScriptDirectory.from_config(self._alembic_config()).get_heads())
        with self.engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
        return current, heads

    def stored_revisions(self) -> set[str]:
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return set()
            return {r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}

    def migrate(self) -> Path | None:
        """Bring the file to head; snapshot it first if it held data. Returns the snapshot path."""
        if self.is_server:
            return db_server.upgrade(self, HEADS)
        if self.stored_revisions() == HEADS:
            return None
        current, heads = self.revisions()
        if current == heads:
            return None
        snapshot = None
        if current:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            snapshot = self.path.with_name(f"{self.path.stem}.before-upgrade-{stamp}.sqlite3")
            self.backup(snapshot)
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(self._alembic_config(conn), "heads")
        return snapshot

    # -- snapshots and checks -------------------------------------------------------------
    def backup(self, dest: str | os.PathLike) -> Path:
        """A consistent snapshot (VACUUM INTO), flushed to disk."""
        if self.is_server:
            raise ValueError("服务器上的数据库请用 pg_dump 备份（见 README：市总工会数据库，第 4 步 备份）")
        dest = Path(dest).resolve()
        if dest == self.path:
            raise ValueError("备份文件不能是当前数据库本身")
        with atomic_path(dest) as tmp:
            con = sqlite3.connect(self.path)
            try:
                con.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                con.close()
        return dest

    def check(self) -> list[str]:
        """Problems found (empty list when sound): integrity, foreign keys, migrations at head."""
        if self.is_server:
            return db_server.check(self)
        problems: list[str] = []
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if rows != ["ok"]:
                problems += [f"完整性检查：{r}" for r in rows]
            for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                problems.append(f"外键错误：{table} 第 {rowid} 行引用的 {parent} 不存在")
        current, heads = self.revisions()
        if current != heads:
            problems.append(f"数据库版本 {sorted(current)} 不是最新 {sorted(heads)}")
        return problems

    def refresh_statistics(self, *, full: bool = False) -> None:
        """Table statistics for SQLite's planner: without them it may sort a whole table to show
        one page. `full` (a file that never had them) runs ANALYZE; otherwise PRAGMA optimize.
        A server keeps its own statistics (autovacuum)."""
        if self.is_server:
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE" if full else "PRAGMA optimize")
            conn.commit()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- the write-ahead log ---------------------------------------------------------------
    def checkpoint_soon(self) -> None:
        """Copy the write-ahead log into the file on a thread of this Database's own, soon
        (a bulk write owes it: `dialect_bulk.bulk_write_cache`), so the clerk does not wait for it.
        One thread at a time; asked again while it runs, it checkpoints once more."""
        with self._checkpoint_lock:
            self._checkpoint_owed = True
            if self._checkpointer is None:
                self._checkpointer = threading.Thread(target=self._checkpoints,
                                                      name="union-desk-checkpoint", daemon=True)
                self._checkpointer.start()

    def _checkpoints(self) -> None:
        while True:
            with self._checkpoint_lock:
                if not self._checkpoint_owed:
                    self._checkpointer = None
                    return
                self._checkpoint_owed = False
            self.checkpoint()

    def checkpoint(self) -> None:
        """SQLite's PASSIVE checkpoint: what of the log no reader still needs goes into the
        file, beside readers and a writer (any left is copied by a later commit's own
        checkpoint, or when the last connection closes). Busy or failing: left for then."""
        try:
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                raw.close()
        except (sqlite3.Error, sa.exc.DBAPIError):
            pass

    def settle(self) -> None:
        """Wait for an owed checkpoint to be done (closing, or a test)."""
        while (thread := self._checkpointer) is not None:
            thread.join()

    def close(self) -> None:
        self.settle()
        try:
            self.refresh_statistics()
        except sa.exc.DBAPIError:  # busy, read-only or not a database: statistics can wait
            pass
        self.engine.dispose()


def hold_lock(session: Session, name: str) -> None:
    """Inside a write transaction: wait for, then hold until it ends, the lock `name` (a server's
    advisory lock). On SQLite the write transaction already holds the whole file."""
    if database_of(session).is_server:
        db_server.take_lock(session.connection(), name)


def database_of(session: Session) -> Database:
    """The Database a session belongs to, for services that act on the file itself (its place,
    a backup copy): views reach the file only through such services."""
    return session.info["database"]


def open_database(path: str | os.PathLike | db_url.ServerURL, *, migrate: bool = True,
                  create: bool = True) -> Database:
    """Open (and migrate) a database: a PostgreSQL server's (a `postgresql://` URL), or a file.
    A file is first read, never written, and refused with a `dbfile.DatabaseFileError` (a
    Chinese message) when it is missing (unless `create`), not a database, another program's,
    from a newer version, read-only or damaged."""
    target = db_url.parse_target(path)
    if db_url.is_server(target):
        return db_server.open_server(Database(target), heads=HEADS, migrate=migrate)
    path = Path(target).resolve()
    probe(path, create=create)
    try:
        return _open(path, migrate)
    except (sa.exc.DBAPIError, sqlite3.Error) as err:
        problem = explain(err, path)
        if problem is None:
            raise
        raise problem from err


def _open(path: str | os.PathLike, migrate: bool) -> Database:
    db = Database(path)
    try:
        if migrate:
            db.migrate()
            with db.engine.connect() as conn:
                analysed = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
            if not analysed:
                db.refresh_statistics(full=True)
        db.load_context()
    except BaseException:
        db.engine.dispose()
        raise
    return db
