"""What a file given to an import really is, told by its first bytes (and, for a zip or an old
Office file, by the names of the parts inside), never by its name alone.

    kind = identify(path)      # Kind.XLSX, Kind.XLS, Kind.CSV … or UserError naming what it is

A clerk's "Excel list" may be a Word document renamed, a PDF, a photo of the list, a zip of
several lists, an old .doc, or a password-protected workbook: each gets a message saying what
the file seems to be and what to do, instead of "damaged". A web page saved as .xls (what many
systems' "导出Excel" writes) and Excel 2003 XML are read, as Excel opens them.
"""
from __future__ import annotations

import enum
import struct
import zipfile
from pathlib import Path

from union_desk.services.errors import UserError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入"


class Kind(enum.Enum):
    XLSX = "xlsx"      # also .xlsm: the Office Open XML workbook; newer WPS saves .et so
    XLSB = "xlsb"
    XLS = "xls"        # Excel 97–2003 (BIFF in an OLE file); older WPS saves .et so
    ODS = "ods"
    TEXT = "text"      # .csv / .txt: delimited text
    HTML = "html"      # a web page's tables, exported by another system as .xls
    XML2003 = "xml"    # Excel 2003 XML (SpreadsheetML), as .xls or .xml

    @property
    def zipped(self) -> bool:
        return self in (Kind.XLSX, Kind.XLSB, Kind.ODS)


def identify(path: Path) -> Kind:
    """The kind of spreadsheet in `path`; UserError naming what it is when it is none."""
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except FileNotFoundError:
        raise UserError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise UserError(f"{path.name} 是一个文件夹，不是表格文件") from None
    except PermissionError:  # Windows: another program holds it open (WPS locks what it opens)
        raise UserError(f"无法打开文件 {path.name}：它可能正在 Excel 或 WPS 中打开，或本账户没有读取"
                        f"权限；请关闭它后再导入") from None
    except OSError as err:
        raise UserError(f"无法打开文件 {path.name}：{err.strerror or err}") from None
    name = path.name
    if name.startswith("~$") and not head.startswith((b"PK", _OLE[:4])):
        raise UserError(f"{name} 是 Excel 或 WPS 打开表格时留下的临时文件，不是名单；请选择文件名"
                        f"不带“~$”的那个文件（{name[2:]}）")
    if not head:
        raise UserError(f"{name} 是空文件（0 字节），里面没有名单")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(_OLE[:4]):
        return Kind.XLS  # an OLE file: `ole_kind` tells what else it is if it will not open
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        # UTF-16 with its byte-order mark: Excel's "Unicode text", or a web page
        return Kind.HTML if _is_html(head.decode("utf-16", "ignore").encode()) else Kind.TEXT
    refused = _other_binary(head, name)
    if refused:
        raise UserError(refused)
    if _is_spreadsheet_xml(head):  # first: its rich text is written as <html:B>…
        return Kind.XML2003
    if _is_html(head):
        return Kind.HTML
    if b"\x00" in head:
        raise UserError(f"无法识别 {name} 的格式：它不是 Excel、WPS 或 LibreOffice 表格，也不是 "
                        f"CSV 文本；{_SAVE_AS}")
    first_line = head.split(b"\n", 1)[0]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".ods") and not (
            b"," in first_line or b"\t" in first_line):
        raise UserError(f"无法读取 {name}：文件已损坏，或不是 {path.suffix.lower()} 格式（里面是文字，"
                        f"也不像 CSV 表格）")
    return Kind.TEXT  # a CSV saved under a spreadsheet's name is read as what it is


_MAGIC = (
    (b"%PDF", "这是 PDF 文件，不是表格：PDF 里的名单不能直接导入，请向发件人要 Excel 原表"),
    (b"\x89PNG", "这是 PNG 图片，不是表格：请向发件人要 Excel 原表"),
    (b"\xff\xd8\xff", "这是 JPEG 图片（照片），不是表格：请向发件人要 Excel 原表"),
    (b"GIF8", "这是 GIF 图片，不是表格：请向发件人要 Excel 原表"),
    (b"Rar!", "这是 RAR 压缩包，不是表格：请先解压，再导入里面的表格文件"),
    (b"7z\xbc\xaf\x27\x1c", "这是 7z 压缩包，不是表格：请先解压，再导入里面的表格文件"),
    (b"{\\rtf", "这是 RTF 文档（Word 可以打开），不是表格：请向发件人要 Excel 原表"),
    (b"SQLite format 3\x00", "这是数据库文件，不是表格；如要打开工作台数据库，请用“文件 ▸ 打开数据库”"),
    (b"MZ", "这是程序文件（.exe），不是表格，不要打开它"),
    (b"\x1f\x8b", "这是 gzip 压缩文件，不是表格：请先解压"),
)


def _other_binary(head: bytes, name: str) -> str:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"{name}：{what}"
    if head[4:8] == b"ftyp" or head.startswith(b"RIFF"):
        return f"{name}：这是音频或视频文件，不是表格"
    return ""


def _is_html(head: bytes) -> bool:
    """A web page (systems export their lists as HTML under an .xls name), perhaps led by an
    XML declaration or a comment (a browser's "saved from url")."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or (
        text.startswith((b"<?xml", b"<!--")) and (b"<html" in text or b"<table" in text))


def _is_spreadsheet_xml(head: bytes) -> bool:
    """Excel 2003 XML (its namespace near the start of an XML file or a bare <Workbook>)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"urn:schemas-microsoft-com:office:spreadsheet" in head.lower() and (
        text.startswith(b"<?xml") or text.startswith(b"<workbook"))


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise UserError(f"无法读取 {path.name}：文件已损坏（压缩包不完整），请重新获取原文件") from None
    if "xl/workbook.xml" in names:
        return Kind.XLSX
    if "xl/workbook.bin" in names:
        return Kind.XLSB
    if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
        return Kind.ODS
    if "word/document.xml" in names:
        raise UserError(f"{path.name}：这是 Word 文档，不是表格；请把名单放进 Excel 表格后再导入")
    if "ppt/presentation.xml" in names:
        raise UserError(f"{path.name}：这是 PowerPoint 演示文稿，不是表格")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return _refuse(path, "这是 OpenDocument 文字文档（WPS/LibreOffice 的文档），不是表格")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return _refuse(path, "这是 OpenDocument 文件，但不是电子表格")
    if "xl/workbook.xml" not in names and any(n.startswith("xl/") for n in names):
        return _refuse(path, "Excel 文件已损坏（缺少工作簿部分），请重新获取原文件")
    return _refuse(path, "这是 zip 压缩包，不是表格：请先解压，再导入里面的表格文件")


def _refuse(path: Path, what: str) -> Kind:
    raise UserError(f"{path.name}：{what}")


def ole_kind(path: Path) -> str:
    """What an old Office (OLE) file that is not a readable workbook holds, for the message."""
    names = _ole_names(path)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return "这个表格设置了打开密码；请在 Excel 中打开它，取消密码并保存后再导入"
    if "WordDocument" in names:
        return "这是 Word 文档（旧版 .doc），不是表格；请把名单放进 Excel 表格后再导入"
    if "PowerPoint Document" in names:
        return "这是 PowerPoint 演示文稿（旧版 .ppt），不是表格"
    if "Workbook" in names or "Book" in names:
        return "旧版 Excel 文件（.xls）已损坏或加了密码；" + _SAVE_AS
    if not names:
        return "文件已损坏（旧版 Office 文件不完整），请重新获取原文件"
    return "这是旧版 Office 文件，但不是 Excel 工作簿；" + _SAVE_AS


def _ole_names(path: Path) -> set[str]:
    """The stream names in an OLE compound file's directory (MS-CFB), read through its FAT.
    Best effort: an unreadable directory gives the names found so far."""
    names: set[str] = set()
    try:
        with open(path, "rb") as file:
            header = file.read(512)
            shift = struct.unpack_from("<H", header, 0x1E)[0]
            size = 1 << shift
            if size not in (512, 4096):
                return names
            first_dir = struct.unpack_from("<I", header, 0x30)[0]
            difat = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]

            def sector(n: int) -> bytes:
                file.seek((n + 1) * size)
                return file.read(size)

            fat: list[int] = []
            for n in difat[:64]:
                data = sector(n)
                fat += struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])
            current, seen = first_dir, set()
            while current < 0xFFFFFFFA and current not in seen and len(seen) < 256:
                seen.add(current)
                data = sector(current)
                for at in range(0, len(data) - 127, 128):
                    length = struct.unpack_from("<H", data, at + 64)[0]
                    if 2 <= length <= 64:
                        names.add(data[at:at + length - 2].decode("utf-16-le", "replace"))
                current = fat[current] if current < len(fat) else 0xFFFFFFFE
    except (OSError, struct.error):
        pass
    return names
