"""Lists sent as text: .csv exported by another system, .txt saved by Excel ("文本文件(制表符分隔)"
or "Unicode 文本"), in whatever encoding the sender's computer used.

    table = read_text_table(path, limits)     # rows of str, the encoding and delimiter found

Encoding: a byte-order mark says it (UTF-8, UTF-16); otherwise the whole file is decoded as
UTF-8, and if that fails as GB18030, the superset of GBK and GB2312 that Chinese Windows writes.
Strict UTF-8 decoding of a real GBK file fails within its first few Chinese characters (GBK's
lead bytes 0x81–0xFE followed by an ASCII or lead byte is never valid UTF-8), and every byte
sequence GB18030 refuses is reported, so no statistical detector is needed: the two cases that
exist here are told apart exactly, and anything else is refused with the reason.

Delimiter: the one among tab, comma, semicolon and vertical bar that splits the first lines into
the same number (more than one) of fields, the most used first. Quotes follow the CSV rules; a
cell written `="330182…"` (how other systems keep long numbers as text in a CSV) is its text.
"""
from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from union_desk.services.common.sheet_limits import Limits, check_file_size, check_row
from union_desk.services.errors import UserError

_DELIMITERS = ("\t", ",", ";", "|")


@dataclass
class TextTable:
    rows: list[tuple[int, tuple]]   # (line number as a spreadsheet shows it, the row's cells)
    encoding: str
    delimiter: str


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; UserError when it is no known encoding."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as err:
                raise UserError(f"{name} 的编码有误（{codec} 第 {err.start} 字节），请重新导出") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as err:
        raise UserError(f"无法识别 {name} 的文字编码（既不是 UTF-8，也不是 GBK/GB18030；第 {err.start} "
                        f"字节处不能解码）；请用 Excel 打开后另存为 .xlsx 再导入") from None


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into equally many fields (see the module)."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths or max(widths) < 2:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text_table(path: Path, limits: Limits) -> TextTable:
    check_file_size(path, limits)
    text, encoding = decode(path.read_bytes(), path.name)
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, tuple]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            values = [_cell(c) for c in cells]
            while values and values[-1] is None:
                values.pop()
            if not values:
                continue
            check_row(path.name, number, len(values), limits)
            rows.append((number, tuple(values)))
    except csv.Error as err:
        raise UserError(f"无法读取 {path.name} 的第 {reader.line_num} 行：{err}") from None
    return TextTable(rows, encoding, delimiter)


def _cell(text: str) -> str | None:
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        text = text[2:-1]
    return text if text.strip() else None
