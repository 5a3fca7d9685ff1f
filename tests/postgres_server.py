"""A throw-away PostgreSQL server for the tests, started with Debian's initdb/pg_ctl.

PostgreSQL refuses to run as root (CI and these machines run as root): then the server runs as
the `postgres` system user, in a temporary folder that user owns (pytest-postgresql 10 runs
initdb as the current user and so fails as root). On a free port, listening on 127.0.0.1 only.

Authentication: the superuser `postgres` connects without a password (trust, for the fixtures);
every other role must give its password (scram-sha-256), so the tests of PGPASSFILE and of the
roles meet the server as an office's would.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


class ServerNotAvailable(RuntimeError):
    pass


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: UNION_DESK_PG_BIN, Debian's versioned folder (the
    newest), or PATH."""
    if os.environ.get("UNION_DESK_PG_BIN"):
        return Path(os.environ["UNION_DESK_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ServerNotAvailable(
        "PostgreSQL's initdb was not found: install Debian's postgresql package "
        "(bash test.sh does it as root) or set UNION_DESK_PG_BIN")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """start() → host, port, superuser; url(dbname[, user]); stop()."""

    def __init__(self, directory: str | os.PathLike | None = None):
        """`directory`: a cluster kept there between runs (made by the first start, never
        removed by stop; a benchmark's large database made once); default a temporary one."""
        self.host, self.port, self.dir = "127.0.0.1", 0, None
        self.kept = Path(directory) if directory is not None else None
        self.bindir: Path | None = None
        self._as_user: list[str] = []
        self.superuser = SUPERUSER

    # -- life -------------------------------------------------------------------------------
    def start(self) -> "PostgresServer":
        self.bindir = find_bindir()
        if self.kept is not None:
            self.kept.mkdir(parents=True, exist_ok=True)
        self.dir = self.kept or Path(tempfile.mkdtemp(prefix="ud-pg-"))
        if getattr(os, "geteuid", lambda: -1)() == 0:  # PostgreSQL will not run as root (no geteuid: Windows)
            owner = pwd.getpwnam("postgres")
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        if not (self.dir / "data" / "PG_VERSION").exists():
            self._init()
        return self._start()

    def _init(self) -> None:
        self._run("initdb", "-D", str(self.dir / "data"), "-U", SUPERUSER, "-E", "UTF8",
                  "--locale=C", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256")
        (self.dir / "data" / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n")

    def _start(self) -> "PostgresServer":
        last = ""
        for _attempt in range(3):  # a free port may be taken between asking and binding
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                       "-c max_connections=60")
            result = self._run("pg_ctl", "-D", str(self.dir / "data"), "-l",
                               str(self.dir / "server.log"), "-o", options, "-w", "-t", "60",
                               "start", check=False)
            if result.returncode == 0:
                return self
            last = result.stdout + result.stderr + self._log_tail()
        raise ServerNotAvailable(f"pg_ctl start failed:\n{last}")

    def stop(self) -> None:
        if self.dir is None:
            return
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m",
                  "immediate" if self.kept is None else "fast", "-w", "stop", check=False)
        if self.kept is None:
            shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [*self._as_user, str(self.bindir / program), *args]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.dir,
                                timeout=120)
        if check and result.returncode != 0:
            raise ServerNotAvailable(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
        return result

    def _log_tail(self) -> str:
        log = self.dir / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    # -- addresses --------------------------------------------------------------------------
    def url(self, dbname: str, user: str | None = None) -> str:
        """postgresql://USER@HOST:PORT/DBNAME (no password: libpq finds it if one is needed)."""
        return f"postgresql://{user or self.superuser}@{self.host}:{self.port}/{dbname}"

    def client(self, program: str) -> str:
        """A client program (psql, pg_dump, pg_restore) of the same version as the server."""
        if self.bindir and (self.bindir / program).exists():
            return str(self.bindir / program)
        found = shutil.which(program)
        if not found:
            raise ServerNotAvailable(f"{program} not found (Debian: postgresql-client)")
        return found

    def engine(self, dbname: str = "postgres", **options):
        """A SQLAlchemy engine (psycopg, no pool) as the superuser on database `dbname`."""
        import sqlalchemy as sa

        return sa.create_engine(f"postgresql+psycopg://{self.superuser}@{self.host}:{self.port}/"
                                f"{dbname}", poolclass=sa.pool.NullPool, **options)

    def admin(self):
        """An autocommit connection as the superuser to the `postgres` database."""
        return self.engine(isolation_level="AUTOCOMMIT").connect()


def wait_until_accepting(server: PostgresServer, timeout_s: float = 30) -> None:
    import sqlalchemy as sa

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with server.admin() as conn:
                conn.exec_driver_sql("SELECT 1")
            return
        except sa.exc.OperationalError as err:
            if time.monotonic() > deadline:
                raise ServerNotAvailable(f"the server does not answer: {err}") from None
            time.sleep(0.2)


def main(argv: list[str]) -> int:
    """`python tests/postgres_server.py COMMAND ARG…`: run COMMAND while a throw-away server runs;
    an argument `{url}` becomes the URL of a fresh, empty database on it (CI runs the built
    program against it)."""
    server = PostgresServer().start()
    try:
        wait_until_accepting(server)
        with server.admin() as conn:
            conn.exec_driver_sql("CREATE DATABASE ud_scratch")
        url = server.url("ud_scratch")
        return subprocess.run([url if a == "{url}" else a for a in argv]).returncode
    finally:
        server.stop()


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
