"""dbfile.explain: SQLite's and the disk's errors, raised by real connections, become the
clerk's messages (busy, full, damaged, read-only); anything else is not its business."""
import errno
import sqlite3

import pytest

from union_desk.dbfile import explain, known_revisions


def error_of(fn):
    with pytest.raises(Exception) as caught:
        fn()
    return caught.value


@pytest.fixture
def sqlite_file(tmp_path):
    path = tmp_path / "x.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path


def test_busy_full_and_read_only_errors_are_named(sqlite_file):
    holder = sqlite3.connect(sqlite_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(sqlite_file, timeout=0.05, isolation_level=None)
    busy = error_of(lambda: other.execute("BEGIN IMMEDIATE"))
    holder.execute("ROLLBACK")
    assert explain(busy, sqlite_file).kind == "busy"

    other.execute("PRAGMA max_page_count = 2")
    full = error_of(lambda: other.execute("INSERT INTO t SELECT randomblob(9000)"))
    problem = explain(full, sqlite_file)
    assert problem.kind == "full" and "磁盘已满" in str(problem) and str(sqlite_file) in str(problem)

    reader = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    read_only = error_of(lambda: reader.execute("INSERT INTO t VALUES (1)"))
    assert explain(read_only, sqlite_file).kind == "read_only"
    for con in (holder, other, reader):
        con.close()


def test_a_damaged_file_and_a_full_disk_for_files(sqlite_file, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 4096)
    damaged = error_of(lambda: sqlite3.connect(junk).execute("SELECT * FROM sqlite_master"))
    assert explain(damaged, junk).kind == "damaged"
    disk_full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "名册.xlsx"))
    assert "磁盘已满" in str(explain(disk_full, sqlite_file))
    assert explain(ValueError("something else"), sqlite_file) is None
    assert explain(KeyError("id"), None) is None


def test_the_shipped_revisions_are_known_by_their_file_names():
    from union_desk.db import HEADS

    assert HEADS <= known_revisions() and "0001" in known_revisions()


def test_every_migration_file_is_named_by_its_revision():
    """dbfile.known_revisions reads the ids from the file names (no Alembic at start-up)."""
    import re

    from union_desk.dbfile import VERSIONS_DIR

    for path in VERSIONS_DIR.glob("*.py"):
        declared = re.search(r'^revision\s*(?::\s*str\s*)?=\s*["\'](\w+)["\']', path.read_text(
            encoding="utf-8"), re.MULTILINE).group(1)
        assert path.name.startswith(declared + "_"), path.name
