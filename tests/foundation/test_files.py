"""files.atomic_write / atomic_path: the target is whole or untouched, never half-written."""
from __future__ import annotations

import os

import pytest

from union_desk.files import PARTIAL_SUFFIX, atomic_path, atomic_write, atomic_write_bytes


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]


def test_atomic_write_replaces_the_target_whole(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with atomic_write(target) as fh:
        fh.write(b"new ")
        # Given a half-written file, the target still shows the old content
        assert target.read_bytes() == b"old"
        fh.write(b"content")
    assert target.read_bytes() == b"new content"
    assert leftovers(tmp_path) == []


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write(b"half")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_atomic_path_for_libraries_that_write_by_name(tmp_path):
    target = tmp_path / "book.xlsx"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and not tmp.exists()
        tmp.write_bytes(b"book")
    assert target.read_bytes() == b"book"
    assert leftovers(tmp_path) == []


def test_atomic_path_error_and_nothing_written(tmp_path):
    target = tmp_path / "book.xlsx"
    with pytest.raises(ValueError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise ValueError("cancelled")
    assert not target.exists() and leftovers(tmp_path) == []
    with pytest.raises(FileNotFoundError):
        with atomic_path(target):
            pass
    assert not target.exists()


def test_a_new_file_honours_the_umask(tmp_path):
    if os.name == "nt":
        pytest.skip("POSIX permissions")
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "a.pdf", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.pdf").stat().st_mode & 0o777 == 0o644


def test_write_fails_in_a_missing_folder(tmp_path):
    with pytest.raises(OSError):
        atomic_write_bytes(tmp_path / "missing" / "a.pdf", b"x")
