"""What `--db` names: a SQLite file (a path) or a database on a PostgreSQL server (a URL).

    D:\\工会\\2025.sqlite3                       a township's file
    postgresql://USER@HOST[:PORT]/DBNAME       the city database on a server
    postgresql:///DBNAME?service=NAME          … with the connection in a libpq service file

A URL never carries a password: libpq finds it itself (PGPASSFILE or ~/.pgpass, a service file
named by PGSERVICE or `?service=`, PGPASSWORD for scripts), so it is never seen in a process
list, a shell history or a log. When libpq finds none, the window asks for it
(`ServerURL.with_password`): it is handed to libpq with the connection, kept in memory only, and
never part of the URL, its text, a file or a log. The driver is psycopg 3 (`postgresql+psycopg`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported only when a URL is given (start-up time)
    import sqlalchemy as sa

SERVER_SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg"})
DRIVER = "postgresql+psycopg"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


class ServerError(Exception):
    """A server database cannot be used (unreachable, refused, wrong set-up): a Chinese message
    for the clerk or the administrator, shown as the CLI shows a UserError."""


class PasswordNeeded(ServerError):
    """The server asks for a password and libpq found none (no password file or service entry),
    or the one given was refused (`refused`)."""

    def __init__(self, message: str, *, user: str, refused: bool = False):
        super().__init__(message)
        self.user, self.refused = user, refused


@dataclass(frozen=True)
class ServerURL:
    """A PostgreSQL database: the SQLAlchemy URL (psycopg driver, no password) and, when a person
    typed one in the window, the password handed to libpq with each connection (never shown)."""

    url: sa.URL
    password: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:  # as the user wrote it, without the driver name
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    def with_password(self, password: str) -> "ServerURL":
        return replace(self, password=password)

    @property
    def user(self) -> str:
        return self.url.username or os.environ.get("PGUSER") or ""

    @property
    def dialect(self) -> str:
        return "postgresql"


def parse_target(target: str | os.PathLike | ServerURL) -> Path | ServerURL:
    """A path (a SQLite file) or a ServerURL. Raises ValueError with a Chinese message for a URL
    that is not PostgreSQL's or that holds a password."""
    if isinstance(target, (ServerURL, Path)):
        return target
    text = os.fspath(target)
    if not _URL.match(text):
        return Path(text)
    import sqlalchemy as sa

    try:
        url = sa.engine.make_url(text)
    except sa.exc.ArgumentError as err:
        raise ValueError(f"数据库地址无法识别：{text}（{err}）") from None
    if url.drivername == "sqlite":
        if not url.database:
            raise ValueError(f"SQLite 地址缺少文件名：{text}")
        return Path(url.database)
    if url.drivername not in SERVER_SCHEMES:
        raise ValueError(f"不支持的数据库地址：{url.drivername}://…"
                         "（请给出 SQLite 文件路径，或 postgresql://用户@服务器[:端口]/数据库名）")
    if url.password is not None:
        raise ValueError("数据库地址里不能写密码（会留在命令历史和进程列表里）：请把密码放在 "
                         "PGPASSFILE 指定的密码文件（或 ~/.pgpass）或服务文件里，见 README")
    return ServerURL(url.set(drivername=DRIVER))


def is_server(target) -> bool:
    return isinstance(target, ServerURL)
