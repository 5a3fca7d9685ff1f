"""Real spreadsheet files of every format the imports read, made here for the tests.

- .xlsx: openpyxl;  .xls: xlwt (a test-only dependency: it writes real Excel 97–2003 files);
- .ods: an OpenDocument package written by hand (mimetype, manifest, content.xml), as
  LibreOffice writes it, with typed cells (string, float, date);
- .xlsb: a binary workbook written record by record after [MS-XLSB] (no writer exists on PyPI):
  workbook.bin with its sheets (BrtBundleSh), each sheet's declared dimension (BrtWsDim) and
  cells as BrtCellSt / BrtCellReal records — what python-calamine's reader needs;
- .csv / .txt: text in the given encoding and delimiter;
- a web page named .xls (`write_html`), as other systems' "导出Excel" writes it: one <table> a
  sheet, a title row spanning the columns, the page's charset in its <meta>;
- Excel 2003 XML (`write_spreadsheet_xml`), typed cells (String, Number, DateTime) as Excel
  writes them, a title row merged across the columns.

Each takes {sheet name: rows}, rows being lists of str / int / float / date / None, and
`MERGED` for a cell covered by the cell above it (merged down, as 所属工会 written once for a
block of rows): every format but text writes the merge its own way. A row given as
`Hidden([...])` is hidden (as a filter or "隐藏行" leaves it), again each format its own way;
text has no hidden rows and writes it as any other.
"""
from __future__ import annotations

import csv
import io
import struct
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

MERGED = object()   # this cell is covered by a merge from the cell above


class Hidden(list):
    """A row the sheet hides."""


def merged_down(rows: list[list]) -> dict[tuple[int, int], int]:
    """(row, column) of each cell merged down (from 0) → how many rows the merge takes."""
    spans = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is MERGED:
                continue
            below = r + 1
            while below < len(rows) and c < len(rows[below]) and rows[below][c] is MERGED:
                below += 1
            if below > r + 1:
                spans[(r, c)] = below - r
    return spans


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if v is MERGED else v for v in row])
        for (r, c), span in merged_down(rows).items():
            sheet.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + span,
                              end_column=c + 1)
        for r, row in enumerate(rows):
            if isinstance(row, Hidden):
                sheet.row_dimensions[r + 1].hidden = True
    book.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, list[list]]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        spans = merged_down(rows)
        for r, row in enumerate(rows):
            if isinstance(row, Hidden):
                sheet.row(r).hidden = True
            for c, value in enumerate(row):
                if value is None or value is MERGED:
                    continue
                style = [day] if isinstance(value, date) else []
                if (r, c) in spans:
                    sheet.write_merge(r, r + spans[(r, c)] - 1, c, c, value, *style)
                else:
                    sheet.write(r, c, value, *style)
    book.save(str(path))
    return path


# -- .ods --------------------------------------------------------------------------------------

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'office:version="1.2"')


def _ods_cell(value, span: int = 1) -> str:
    if value is MERGED:
        return "<table:covered-table-cell/>"
    if value is None:
        return "<table:table-cell/>"
    spanned = f' table:number-rows-spanned="{span}"' if span > 1 else ""
    if isinstance(value, (date, datetime)):
        return (f'<table:table-cell{spanned} office:value-type="date" '
                f'office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (f'<table:table-cell{spanned} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell{spanned} office:value-type="string"><text:p>{escape(str(value))}'
            f"</text:p></table:table-cell>")


def ods_content(sheets: dict[str, list[list]], extra_rows: str = "") -> str:
    tables = []
    for name, rows in sheets.items():
        spans = merged_down(rows)
        body = "".join(("<table:table-row table:visibility=\"collapse\">"
                        if isinstance(row, Hidden) else "<table:table-row>")
                       + "".join(_ods_cell(v, spans.get((r, c), 1)) for c, v in enumerate(row))
                       + "</table:table-row>" for r, row in enumerate(rows))
        tables.append(f'<table:table table:name="{escape(name)}">{body}{extra_rows}</table:table>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
            f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet>"
            f"</office:body></office:document-content>")


def write_ods(path: Path, sheets: dict[str, list[list]], *, content: str | None = None) -> Path:
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content or ods_content(sheets),
                         compress_type=zipfile.ZIP_DEFLATED)
    return path


# -- .xlsb -------------------------------------------------------------------------------------

def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _record(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind) + _varint(len(data)) + data


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _xlsb_sheet(rows: list[list]) -> bytes:
    width = max((len(r) for r in rows), default=1)
    dimension = struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, max(width - 1, 0))
    out = [_record(129), _record(148, dimension), _record(145)]  # BrtBeginSheet, BrtWsDim, …Data
    for r, row in enumerate(rows):
        hidden = 0x10 if isinstance(row, Hidden) else 0          # fDyZero
        out.append(_record(0, struct.pack("<IIHBBBI", r, 0, 300, 0, hidden, 0, 0)))  # BrtRowHdr
        for c, value in enumerate(row):
            cell = struct.pack("<II", c, 0)       # column, style 0
            if value is None or value is MERGED:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(_record(5, cell + struct.pack("<d", float(value))))  # BrtCellReal
            else:
                text = value.isoformat() if isinstance(value, date) else str(value)
                out.append(_record(6, cell + _wide(text)))                      # BrtCellSt
    out.append(_record(146))                      # BrtEndSheetData
    spans = merged_down(rows)
    if spans:                                     # BrtBeginMergeCells, BrtMergeCell (RfX), …End
        out.append(_record(177, struct.pack("<I", len(spans))))
        out += [_record(176, struct.pack("<IIII", r, r + span - 1, c, c))
                for (r, c), span in spans.items()]
        out.append(_record(178))
    out.append(_record(130))                      # BrtEndSheet
    return b"".join(out)


def write_xlsb(path: Path, sheets: dict[str, list[list]], *, raw_sheet: bytes | None = None) -> Path:
    """Dates are written as text cells (this writer has no styles part to mark a number as a
    date)."""
    names = list(sheets)
    bundle = b"".join(_record(156, struct.pack("<II", 0, i + 1) + _wide(f"rId{i + 1}") + _wide(n))
                      for i, n in enumerate(names))
    workbook = _record(131) + _record(143) + bundle + _record(144) + _record(132)
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.'
             'ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType='
             '"application/vnd.openxmlformats-package.relationships+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.bin" ContentType='
                       f'"application/vnd.ms-excel.worksheet"/>' for i in range(len(names)))
             + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>')
    book_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/'
                           f'officeDocument/2006/relationships/worksheet" '
                           f'Target="worksheets/sheet{i + 1}.bin"/>' for i in range(len(names)))
                 + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        package.writestr("xl/workbook.bin", workbook)
        package.writestr("xl/_rels/workbook.bin.rels", book_rels)
        for i, name in enumerate(names):
            data = raw_sheet if raw_sheet is not None and i == 0 else _xlsb_sheet(sheets[name])
            package.writestr(f"xl/worksheets/sheet{i + 1}.bin", data)
    return path


# -- text ----------------------------------------------------------------------------------------

def write_csv(path: Path, rows: list[list], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None or v is MERGED
                         else (v.isoformat() if isinstance(v, date) else v) for v in row])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def write_html(path: Path, sheets: dict[str, list[list]], *, encoding: str = "utf-8") -> Path:
    """An Excel-style HTML export: each sheet a <table> with its name as <caption>, a row of one
    value spanning the table's width (a title), every cell text (dates ISO, numbers as shown)."""
    width = max((len(r) for rows in sheets.values() for r in rows), default=1)
    parts = ['<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>',
             f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
             '<style>td { mso-number-format: "\\@"; }</style>',
             "<!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]-->",
             "</head><body>"]
    for name, rows in sheets.items():
        parts.append(f"<table border=1><caption>{escape(name)}</caption>")
        spans = merged_down(rows)
        for r, row in enumerate(rows):
            cells = [(c, "" if v is None else v.isoformat() if isinstance(v, date) else str(v))
                     for c, v in enumerate(row) if v is not MERGED]
            tr = "<tr style='display:none'>" if isinstance(row, Hidden) else "<tr>"
            if len(row) == 1:
                parts.append(f'{tr}<td colspan="{width}">{escape(cells[0][1])}</td></tr>')
            else:
                parts.append(tr + "".join(
                    f'<td rowspan="{spans[(r, c)]}">{escape(t)}</td>' if (r, c) in spans
                    else f"<td>{escape(t)}</td>" for c, t in cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def write_spreadsheet_xml(path: Path, sheets: dict[str, list[list]]) -> Path:
    width = max((len(r) for rows in sheets.values() for r in rows), default=1)
    parts = ['<?xml version="1.0"?>', '<?mso-application progid="Excel.Sheet"?>',
             '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
             'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
             'xmlns:x="urn:schemas-microsoft-com:office:excel">']
    for name, rows in sheets.items():
        parts.append(f'<Worksheet ss:Name="{escape(name)}"><Table>')
        spans = merged_down(rows)
        for r, row in enumerate(rows):
            cells, skipped = [], False
            for c, value in enumerate(row):
                if value is MERGED:   # absent: the next cell says where it stands
                    skipped = True
                    continue
                index = f' ss:Index="{c + 1}"' if skipped else ""
                skipped = False
                if value is None:
                    cells.append(f"<Cell{index}/>")
                    continue
                if isinstance(value, date):
                    kind = "DateTime"
                    text = datetime(value.year, value.month, value.day).isoformat()
                else:
                    kind = "Number" if isinstance(value, (int, float)) else "String"
                    text = str(value)
                merge = f' ss:MergeAcross="{width - 1}"' if len(row) == 1 and width > 1 else ""
                if (r, c) in spans:
                    merge += f' ss:MergeDown="{spans[(r, c)] - 1}"'
                cells.append(f'<Cell{index}{merge}><Data ss:Type="{kind}">{escape(text)}</Data>'
                             f"</Cell>")
            parts.append(('<Row ss:Hidden="1">' if isinstance(row, Hidden) else "<Row>")
                         + "".join(cells) + "</Row>")
        parts.append("</Table></Worksheet>")
    parts.append("</Workbook>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_any(path: Path, sheets: dict[str, list[list]], **text_options) -> Path:
    """By the file's suffix; `html=<encoding>` writes a web page under that name, and
    `xml2003=True` Excel 2003 XML."""
    if "html" in text_options:
        return write_html(path, sheets, encoding=text_options["html"])
    if text_options.get("xml2003"):
        return write_spreadsheet_xml(path, sheets)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return write_csv(path, next(iter(sheets.values())), **text_options)
    return {".xlsx": write_xlsx, ".xls": write_xls, ".ods": write_ods,
            ".xlsb": write_xlsb}[suffix](path, sheets)
