"""Writing a file so that nobody ever sees half of it: the one way every export, PDF, backup and
package is written.

The data goes to a temporary file in the target's own folder (so the rename cannot cross
drives), is flushed to the disk (`fsync`), and only then renamed over the target; the folder is
flushed too where the platform allows (POSIX), so the rename itself survives a power cut. On any
error — a full disk, a cancel, a crash of the code producing the data — the temporary file is
removed and the target is untouched (an older file of that name stays as it was).

    with atomic_write(path) as fh:            # a binary file object
        fh.write(data)

    with atomic_path(path) as tmp:            # a path, for libraries that write by file name
        book.save(tmp)                        #   (openpyxl, SQLite's VACUUM INTO)

`OSError` propagates unchanged: callers turn it into a message for the clerk with
`write_error_text(err, path)` (a full disk named as such, in Chinese).
"""
from __future__ import annotations

import errno
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

PARTIAL_SUFFIX = ".partial"


def temporary_name(path: str | os.PathLike) -> Path:
    """A name beside `path` that no other writer uses: `.NAME.1a2b3c4d.partial`."""
    path = Path(path)
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


def remove_stale_partials(folder: str | os.PathLike, *, older_than: float = 3600,
                          name: str = "*") -> list[Path]:
    """Remove temporary files (`.NAME.xxxxxxxx.partial`, with any journal SQLite left beside
    them) that a killed program left in `folder`, once older than `older_than` seconds — a
    younger one may belong to a writer still at work."""
    import time

    removed = []
    for path in Path(folder).glob(f".{name}.*{PARTIAL_SUFFIX}*"):
        try:
            if time.time() - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed


def fsync_file(path: str | os.PathLike) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: str | os.PathLike) -> None:
    """Flush a folder's entries (a rename) to disk; a no-op where folders cannot be opened."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse fsync on a folder
    finally:
        os.close(fd)


def _commit(tmp: Path, target: Path) -> None:
    os.replace(tmp, target)
    fsync_folder(target.parent)


class Staged:
    """A file written under its temporary name now and given its name later (`commit`), or
    removed (`discard`): for work whose checking should not hold a lock the writing needed
    (a backup is taken under the database's write lock and verified after). `atomic_path` is
    this in one block."""

    def __init__(self, path: str | os.PathLike):
        self.target = Path(path)
        self.tmp = temporary_name(self.target)

    def commit(self) -> Path:
        if not self.tmp.exists():
            raise FileNotFoundError(f"nothing was written for {self.target.name}")
        fsync_file(self.tmp)
        _commit(self.tmp, self.target)
        return self.target

    def discard(self) -> None:
        try:
            self.tmp.unlink(missing_ok=True)
        except OSError:
            pass


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `path` (not yet created); when the block ends without an
    error, the file written there is flushed and renamed to `path`. On error, it is removed."""
    staged = Staged(path)
    try:
        yield staged.tmp
        staged.commit()
    finally:
        staged.discard()


@contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Yield a binary file object; its content replaces `path` only if the block succeeds."""
    target = Path(path)
    tmp = temporary_name(target)
    # os.open honours the umask (mkstemp would leave the file readable by its owner only)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _commit(tmp, target)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    with atomic_write(path) as fh:
        fh.write(data)
    return Path(path)


DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def write_error_text(err: OSError, path: str | os.PathLike) -> str:
    """The clerk's message when a file could not be written (nothing half-written is left)."""
    name = Path(path).name
    if err.errno in DISK_FULL_ERRNOS:
        return (f"磁盘已满（或文件超过了允许的大小），无法写入 {name}。"
                "没有留下写了一半的文件；请腾出磁盘空间或换一个位置后再试。")
    if isinstance(err, PermissionError):
        return (f"无法写入 {name}：没有权限（文件正被其他程序打开，或文件夹不能写入？）。"
                "请关闭那个程序或换一个位置后再试。")
    if isinstance(err, FileNotFoundError):
        return f"无法写入 {name}：找不到它所在的文件夹（U 盘或网络盘没有连接？）。"
    return f"无法写入文件 {name}（{err.strerror or err}）。没有留下写了一半的文件。"
