"""A database on a PostgreSQL server (the city office's): engine, transactions, migrations, checks.

`db.Database` uses these when `--db` is a postgresql:// URL; the SQLite-only pieces of db.py
(pragmas, BEGIN IMMEDIATE, VACUUM INTO snapshots, ANALYZE, the instance lock file) are not used.

Transactions, as `Database.session(write=…, lock=…)` asks for them:
- a write transaction (READ COMMITTED) first takes a transaction-level advisory lock, so writers
  follow one another as they do on SQLite (BEGIN IMMEDIATE): every read-increment-write in the
  services (voucher counters, sequence numbers) stays correct; readers are never blocked;
- a write transaction given a `lock` name takes that named lock instead: work that only meets
  other writers through its own rows and row locks (the merge of one township's package, under
  that township's lock) runs beside other such work and beside the ordinary writers;
  `take_lock(conn, name)` takes a further named lock inside a transaction;
- a read transaction is REPEATABLE READ, READ ONLY: one consistent snapshot for the whole block
  (as SQLite's read transaction in WAL mode), and a service that writes in it fails loudly.
Migrations take their own advisory lock: two programs starting on an old database at once
upgrade it once.
"""
from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy import event

from union_desk.db_url import PasswordNeeded, ServerError, ServerURL

# pg_advisory_xact_lock keys (64-bit): "union_desk" writers, and migrations
WRITE_LOCK = 0x756E696F6E5F6401
MIGRATION_LOCK = 0x756E696F6E5F6402
# Collations under which text sorts by code point as in SQLite (the search's prefix ranges and
# the pinyin order depend on it); see the README's set-up of the city database.
CODE_POINT_COLLATIONS = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"})
CONNECT_TIMEOUT_S = 10
# psycopg prepares a statement on the server once it has run 5 times (prepare_threshold), and
# after 5 runs PostgreSQL may plan a prepared statement once for any values (a generic plan).
# The member search's statements hold what was typed (a LIKE pattern, a key to walk on from),
# whose number of hits differs a thousandfold from one keystroke to the next: planned for
# unknown values, the trigram search of `1985061` took 9.3 ms instead of 5.9 and the walk on
# from the sample 3.5 ms instead of 2.3 (1,000,000 members, benchmarks/RESULTS.md). So every
# statement is planned for its values (a fraction of a millisecond; parsing is still saved).
# The app's statements are a clerk's, answered while they wait (a keystroke's page, a list):
# - no JIT compilation: the server compiles a statement whose estimated cost passes
#   jit_above_cost, and the digits' search statement (search_plan._sampled: eight parts of the
#   name order, each costed as if read whole) passes it whatever is typed: 60–145 ms compiling
#   for a statement that runs in 2–4 ms;
# - no parallel workers: a Gather starts its workers before a condition below it is tested, so
#   each part of that statement that the sample had already ruled out started two (5–8 ms
#   each, at a million members); on a city server several clerks share the cores anyway.
SESSION_OPTIONS = ("-c plan_cache_mode=force_custom_plan -c jit=off "
                   "-c max_parallel_workers_per_gather=0")


def make_engine(location: ServerURL) -> sa.Engine:
    connect_args = {"application_name": "union_desk", "client_encoding": "utf8",
                    "connect_timeout": CONNECT_TIMEOUT_S, "options": SESSION_OPTIONS}
    if location.password is not None:  # typed in the window: to libpq, with each connection
        connect_args["password"] = location.password
    # pool_use_lifo: the connection used last is taken again, with the statements psycopg has
    # prepared on it (as the SQLite engine does for its page cache: db.py)
    engine = sa.create_engine(location.url, pool_pre_ping=True, hide_parameters=True,
                              pool_use_lifo=True, connect_args=connect_args)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        options = conn.get_execution_options()
        write = options.get("write")
        read = write is False  # a read session (plain connections keep the server's default)
        # psycopg starts the transaction with the first statement: told here, its BEGIN says
        # how (BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY), so a read session costs no
        # round trip of its own; every transaction sets both, so none inherits another's
        _transaction_kind(conn.connection.dbapi_connection, read=read)
        if write:
            name = options.get("lock")
            key = lock_key(name) if name else WRITE_LOCK
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": key})

    return engine


def _transaction_kind(dbapi_connection, *, read: bool) -> None:
    """A read transaction: REPEATABLE READ, READ ONLY (one snapshot; a write in it fails);
    anything else: the server's default isolation, read-write."""
    from psycopg import IsolationLevel

    dbapi_connection.isolation_level = IsolationLevel.REPEATABLE_READ if read else None
    dbapi_connection.read_only = read


def lock_key(name: str) -> int:
    """The 64-bit advisory lock key of a named lock (the first 8 bytes of a SHA-256)."""
    digest = hashlib.sha256(f"union_desk:{name}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def take_lock(conn, name: str) -> None:
    """Wait for, then hold until the transaction ends, the named lock."""
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": lock_key(name)})


# libpq's words when it has no password to send, and when the server refused the one it sent
NO_PASSWORD = "no password supplied"
REFUSED_PASSWORD = "password authentication failed"


def connection_error(location: ServerURL, err: sa.exc.DBAPIError) -> ServerError:
    """The driver's error as a sentence for the administrator (never with a password);
    PasswordNeeded when a password is missing or was refused."""
    detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    if NO_PASSWORD in detail or REFUSED_PASSWORD in detail:
        refused = REFUSED_PASSWORD in detail
        return PasswordNeeded(
            f"无法连接数据库服务器 {location}：{'密码不对' if refused else '需要密码'}（用户 "
            f"{location.user}）。密码请放在 PGPASSFILE 指定的文件或 ~/.pgpass 里，或用服务文件，"
            "见 README；在窗口里打开时也可以当场输入", user=location.user, refused=refused)
    hint = ""
    if "password" in detail:
        hint = "（密码请放在 PGPASSFILE 指定的文件或 ~/.pgpass 里，或用服务文件，见 README）"
    return ServerError(f"无法连接数据库服务器 {location}：{detail}{hint}")


def open_server(db, *, heads: frozenset[str], migrate: bool = True):
    """`db.open_database` for a server: connect, upgrade to head, read who works here. A server
    that cannot be reached or refuses the account raises ServerError (and closes the engine)."""
    try:
        if migrate:
            upgrade(db, heads)
        db.load_context()
    except sa.exc.OperationalError as err:
        db.engine.dispose()
        raise connection_error(db.location, err) from None
    except BaseException:
        db.engine.dispose()
        raise
    return db


def upgrade(db, heads: frozenset[str]) -> None:
    """Bring the server database to head, in one transaction (DDL is transactional here: a failed
    upgrade leaves it as it was). No snapshot file: the server's backups are pg_dump's."""
    if db.stored_revisions() == heads:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with db.engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(k)s)", {"k": MIGRATION_LOCK})
        if set(MigrationContext.configure(conn).get_current_heads()) == heads:
            return None  # another program upgraded it while this one waited
        try:
            command.upgrade(db._alembic_config(conn), "heads")
        except sa.exc.ProgrammingError as err:
            if getattr(err.orig, "sqlstate", "") == "42501":  # insufficient_privilege
                raise ServerError(
                    f"数据库 {db.location} 的结构需要升级，但当前账号没有建表/改表的权限："
                    "请用数据库所有者账号运行一次 union-desk --db postgresql://所有者@… migrate"
                ) from None
            raise
    return None


def check(db) -> list[str]:
    """Problems found (empty when sound): the PostgreSQL counterparts of SQLite's checks."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        encoding, settings = conn.exec_driver_sql(
            "SELECT pg_encoding_to_char(encoding), to_jsonb(d) FROM pg_database d "
            "WHERE datname = current_database()").one()
        if encoding != "UTF8":
            problems.append(f"数据库编码为 {encoding}，应为 UTF8")
        collation = _collation(settings)
        if collation:
            problems.append(f"数据库排序规则为 {collation}，应为 C（按码位排序，与 SQLite 一致；"
                            "见 README 建库步骤）")
        for (index,) in conn.exec_driver_sql(_INVALID_INDEXES):
            problems.append(f"索引无效（需要重建 REINDEX）：{index}")
        for table, name in conn.exec_driver_sql(_UNVALIDATED_CONSTRAINTS):
            problems.append(f"约束未经验证（可能有违反外键或检查的行）：{table}.{name}")
        for table, name in conn.exec_driver_sql(_DISABLED_TRIGGERS):
            problems.append(f"表 {table} 的外键检查被关闭（触发器 {name} 已禁用）")
        problems += _amcheck(conn)
        conn.rollback()
    current, heads = db.revisions()
    if current != heads:
        problems.append(f"数据库版本 {sorted(current)} 不是最新 {sorted(heads)}")
    return problems


def _collation(settings: dict) -> str | None:
    """The database's collation if it does not sort by code point, else None. PostgreSQL 15+
    names the provider: libc ('c', datcollate), ICU ('i', never code point order here) or
    builtin ('b', PostgreSQL 17: C and C.UTF-8 are code point order)."""
    provider = settings.get("datlocprovider", "c")
    if provider == "i":
        return f"ICU {settings.get('daticulocale') or settings.get('datlocale') or ''}".strip()
    if provider == "b":
        locale = settings.get("datlocale") or ""
        return None if locale in CODE_POINT_COLLATIONS else locale
    collation = settings.get("datcollate") or ""
    return None if collation in CODE_POINT_COLLATIONS else collation


_OURS = "n.nspname = current_schema()"
_INVALID_INDEXES = f"""
    SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE {_OURS} AND NOT (i.indisvalid AND i.indisready) ORDER BY 1"""
_UNVALIDATED_CONSTRAINTS = f"""
    SELECT t.relname, c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE {_OURS} AND NOT c.convalidated ORDER BY 1, 2"""
_DISABLED_TRIGGERS = f"""
    SELECT t.relname, g.tgname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE {_OURS} AND g.tgenabled = 'D' ORDER BY 1, 2"""
_BTREE_INDEXES = f"""
    SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE {_OURS} AND a.amname = 'btree' AND i.indisvalid ORDER BY 2"""
_TABLES = f"""
    SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE {_OURS} AND c.relkind = 'r' ORDER BY 2"""


def _amcheck(conn) -> list[str]:
    """Page-level checks with the amcheck extension, when the administrator installed it and
    granted its functions to this account (README); otherwise nothing to add."""
    if not conn.exec_driver_sql(
            "SELECT 1 FROM pg_extension WHERE extname = 'amcheck'").first():
        return []
    allowed = conn.exec_driver_sql(
        "SELECT has_function_privilege('bt_index_check(regclass, boolean)', 'EXECUTE'), "
        "has_function_privilege('verify_heapam(regclass, boolean, boolean, text, bigint, "
        "bigint)', 'EXECUTE')").one()
    problems: list[str] = []
    if allowed[0]:
        for oid, name in conn.exec_driver_sql(_BTREE_INDEXES).all():
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql("SELECT bt_index_check(%(o)s::oid::regclass, false)",
                                         {"o": oid})
            except sa.exc.DBAPIError as err:
                problems.append(f"索引损坏：{name}：{str(err.orig).splitlines()[0]}")
    if allowed[1]:
        for oid, name in conn.exec_driver_sql(_TABLES).all():
            for blkno, msg in conn.exec_driver_sql(
                    "SELECT blkno, msg FROM verify_heapam(%(o)s::oid::regclass)", {"o": oid}):
                problems.append(f"完整性检查：表 {name} 第 {blkno} 页：{msg}")
    return problems
