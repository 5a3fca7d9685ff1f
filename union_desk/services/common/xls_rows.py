"""The rows an .xls sheet hides (by hand, or by a filter), which python-calamine does not give:
read from the workbook's BIFF8 records ([MS-XLS] 2.4), the stream taken out of its OLE file by
olefile.

The workbook stream starts with the globals, where a BoundSheet8 record names each sheet and
gives where its records start; a sheet's ROW records carry `fDyZero` for a row hidden. Best
effort: a file this cannot walk (Excel 5 and older, an encrypted or damaged workbook) gives no
hidden rows, and its rows are read as before.
"""
from __future__ import annotations

import struct
from pathlib import Path

_BOF, _EOF = 0x0809, 0x000A
_BOUND_SHEET = 0x0085
_FILE_PASS = 0x002F
_ROW = 0x0208
_ROW_HIDDEN = 0x20       # fDyZero, in the flags at byte 12 of a ROW record


def xls_hidden_rows(path: Path, sheet: str) -> set[int]:
    """The rows of `sheet` (from 1, as the spreadsheet numbers them) that are hidden."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = "Workbook" if ole.exists("Workbook") else "Book"
            data = ole.openstream(stream).read()
        start = _sheet_start(data, sheet)
        return set() if start is None else _hidden(data, start)
    except (OSError, struct.error, ValueError, IndexError):  # olefile's errors are OSErrors
        return set()


def _records(data: bytes, at: int):
    """(record type, where its data starts, its size) from `at` on."""
    while at + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        yield kind, at + 4, size
        at += 4 + size


def _sheet_start(data: bytes, sheet: str) -> int | None:
    """Where the named sheet's records start, from the globals' BoundSheet8 records."""
    for kind, at, size in _records(data, 0):
        if kind in (_FILE_PASS, _EOF):  # encrypted from here on; the end of the globals
            return None
        if kind == _BOUND_SHEET and size >= 8:
            offset = struct.unpack_from("<I", data, at)[0]
            count, wide = data[at + 6], data[at + 7] & 1
            text = data[at + 8:at + 8 + count * (2 if wide else 1)]
            name = text.decode("utf-16-le") if wide else text.decode("latin-1")
            if name == sheet:
                return offset
    return None


def _hidden(data: bytes, start: int) -> set[int]:
    """The hidden rows of the sheet whose BOF is at `start` (an embedded chart's own BOF … EOF
    inside it is passed over)."""
    hidden: set[int] = set()
    depth = 0
    for kind, at, size in _records(data, start):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind == _ROW and size >= 14 and depth == 1:
            if struct.unpack_from("<H", data, at + 12)[0] & _ROW_HIDDEN:
                hidden.add(struct.unpack_from("<H", data, at)[0] + 1)
    return hidden
