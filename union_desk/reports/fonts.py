"""Find and register the embedded TrueType CJK font every printed form uses.

Order (first usable wins):

1. ``UNION_DESK_FONT`` environment variable (``/path/font.ttc`` or ``/path/font.ttc#1``) — an
   override for troubleshooting and CI; an unusable value is an error, not a silent fallback.
2. The font file configured in settings (same ``#index`` syntax); unusable → error.
3. Windows: ``%WINDIR%\\Fonts\\simsun.ttc`` (宋体), ``msyh.ttc`` (微软雅黑), ``simhei.ttf`` (黑体).
   Elsewhere: fontconfig (``fc-list :lang=zh file``) plus well-known Debian paths, preferring
   wqy-microhei, wqy-zenhei, arphic uming.

Rejected: Droid Sans Fallback (no Latin glyphs: digits and ¥ vanish), fonts with CFF outlines
(Noto CJK from Debian — reportlab cannot embed them), anything that is not an sfnt file.
The outline check reads the sfnt table directory, not the file name.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading

FONT_NAME = "UDCJK"
ENV_VAR = "UNION_DESK_FONT"

WELL_KNOWN_FONTS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
_PREFERRED_NAMES = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "uming.ttc")
_WINDOWS_NAMES = ("simsun.ttc", "msyh.ttc", "simhei.ttf")
_NO_LATIN_NAMES = ("droidsansfallback",)  # lower-case substrings of file names
# Glyphs a voucher cannot do without: a font lacking any of them is refused.
_REQUIRED_CHARS = "0123456789¥,.-ABCXYZabcxyz人民币壹元整"

_HINT_ZH = (
    "请安装或指定中文 TrueType 字体：Debian/Ubuntu 执行 "
    "`sudo apt-get install fonts-wqy-microhei`；Windows 应自带 宋体 (simsun.ttc) 或 "
    "微软雅黑 (msyh.ttc)，否则请在“设置”中指定一个中文 TrueType 字体文件（.ttf/.ttc）。"
)
_HINT_EN = (
    "Install or configure a Chinese TrueType font: on Debian/Ubuntu run "
    "`sudo apt-get install fonts-wqy-microhei`; on Windows SimSun (simsun.ttc) or "
    "Microsoft YaHei (msyh.ttc) should exist, otherwise set a Chinese TrueType font file "
    "(.ttf/.ttc) in Settings."
)


class FontNotFound(RuntimeError):
    """No usable CJK TrueType font. The message says what to install or configure."""

    def __init__(self, reason_zh: str = "", reason_en: str = "") -> None:
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        zh = f"{reason_zh}。{_HINT_ZH}" if reason_zh else f"未找到可用于打印的中文字体。{_HINT_ZH}"
        en = f"{reason_en}. {_HINT_EN}" if reason_en else f"No CJK font for printing. {_HINT_EN}"
        super().__init__(f"{zh}\n{en}")


def sfnt_has_truetype_outlines(path: str | os.PathLike, index: int = 0) -> bool:
    """True if face ``index`` of the sfnt file has a 'glyf' table and no 'CFF '/'CFF2' table.

    Reads only the header and table directory (for a .ttc, the directory of face ``index``).
    Missing, unreadable or non-sfnt files give False.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12:
                return False
            if head[:4] == b"ttcf":
                (count,) = struct.unpack(">I", head[8:12])
                if not 0 <= index < count:
                    return False
                f.seek(12 + 4 * index)
                raw = f.read(4)
                if len(raw) < 4:
                    return False
                f.seek(struct.unpack(">I", raw)[0])
                head = f.read(12)
                if len(head) < 12:
                    return False
            elif index != 0:
                return False
            if head[:4] not in (b"\x00\x01\x00\x00", b"true"):  # b"OTTO" = CFF outlines
                return False
            (num_tables,) = struct.unpack(">H", head[4:6])
            if not 0 < num_tables < 512:
                return False
            directory = f.read(16 * num_tables)
            if len(directory) < 16 * num_tables:
                return False
    except OSError:
        return False
    tags = {directory[i : i + 4] for i in range(0, len(directory), 16)}
    return b"glyf" in tags and not tags & {b"CFF ", b"CFF2"}


def _parse_spec(spec: str) -> tuple[str, int]:
    """``/path/font.ttc#1`` → (path, 1); a path that really contains '#' is kept whole."""
    spec = os.path.expanduser(spec.strip())
    if "#" in spec and not os.path.exists(spec):
        path, _, idx = spec.rpartition("#")
        if idx.isdigit():
            return path, int(idx)
    return spec, 0


def _rejection(path: str, index: int) -> tuple[str, str] | None:
    """Why (zh, en) this font cannot be used, or None if it can."""
    if not os.path.isfile(path):
        return f"字体文件不存在：{path}", f"font file not found: {path}"
    if any(n in os.path.basename(path).lower() for n in _NO_LATIN_NAMES):
        return (
            f"字体 {path} 是 Droid Sans Fallback，缺少数字和拉丁字母字形",
            f"{path} is Droid Sans Fallback, which has no Latin glyphs (digits, ¥)",
        )
    if not sfnt_has_truetype_outlines(path, index):
        return (
            f"字体 {path}（第 {index} 个字形集）不是 TrueType 轮廓字体（CFF/PostScript 轮廓的 "
            "OpenType 字体如 Noto CJK 无法嵌入 PDF）",
            f"{path} (face {index}) has no TrueType outlines (CFF/PostScript OpenType fonts "
            "such as Noto CJK cannot be embedded)",
        )
    return None


def _is_windows() -> bool:
    return sys.platform == "win32"


def _fontconfig_files() -> list[str]:
    """Font files fontconfig says cover Chinese; [] if fc-list is missing or fails."""
    try:
        proc = subprocess.run(
            ["fc-list", ":lang=zh", "file"],
            capture_output=True, text=True, timeout=15, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if proc.returncode != 0:
        return []
    files = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.endswith(":"):
            line = line[:-1]
        if line:
            files.append(line)
    return files


def _candidates() -> list[tuple[str, int]]:
    if _is_windows():
        dirs = [os.path.join(os.environ.get("WINDIR") or os.environ.get("SystemRoot")
                             or r"C:\Windows", "Fonts")]
        if os.environ.get("LOCALAPPDATA"):  # per-user installed fonts (Windows 10 1809+)
            dirs.append(os.path.join(os.environ["LOCALAPPDATA"], "Microsoft", "Windows", "Fonts"))
        return [(os.path.join(d, n), 0) for n in _WINDOWS_NAMES for d in dirs]
    seen: dict[str, None] = {}
    for path in [*_fontconfig_files(), *WELL_KNOWN_FONTS]:
        seen.setdefault(os.path.normpath(path), None)

    def rank(path: str) -> int:
        name = os.path.basename(path).lower()
        return _PREFERRED_NAMES.index(name) if name in _PREFERRED_NAMES else len(_PREFERRED_NAMES)

    return [(p, 0) for p in sorted(seen, key=rank)]  # sorted() is stable: fc-list order kept


def find_cjk_font(configured: str | None = None) -> tuple[str, int]:
    """Return (font file path, subfont index) of a usable TrueType CJK font.

    Raises FontNotFound with install/configure instructions.
    """
    for source_zh, source_en, spec in (
        (f"环境变量 {ENV_VAR} 指定的", f"the font named by {ENV_VAR}", os.environ.get(ENV_VAR)),
        ("设置中指定的", "the configured font", configured),
    ):
        if spec and spec.strip():
            path, index = _parse_spec(spec)
            why = _rejection(path, index)
            if why:
                raise FontNotFound(f"{source_zh}字体不可用：{why[0]}",
                                   f"{source_en} cannot be used: {why[1]}")
            return path, index
    rejected = []
    for path, index in _candidates():
        if not os.path.isfile(path):
            continue
        if _rejection(path, index) is None:
            return path, index
        rejected.append(os.path.basename(path))
    if rejected:
        names = ", ".join(rejected)
        raise FontNotFound(f"找到的中文字体均不可用（{names}：CFF 轮廓或缺少拉丁字形）",
                           f"the CJK fonts found are unusable ({names}: CFF outlines "
                           "or no Latin glyphs)")
    raise FontNotFound()


_lock = threading.Lock()
_registered: tuple[str, int] | None = None
_registered_for: str | None = None


def register_cjk_font(configured: str | None = None) -> str:
    """Register the CJK font with reportlab as ``UDCJK`` (once) and return that name.

    ``configured=None`` keeps whatever is already registered (so layouts can call this freely
    after the app registered the font from settings); a different configured file re-registers.
    reportlab embeds TrueType fonts as subsets of the glyphs used.
    """
    global _registered, _registered_for
    with _lock:
        if _registered is not None and (configured is None or configured == _registered_for):
            return FONT_NAME
        path, index = find_cjk_font(configured)
        if _registered != (path, index):
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont, TTFError

            try:
                font = TTFont(FONT_NAME, path, subfontIndex=index)
            except (TTFError, OSError, ValueError, struct.error) as exc:
                raise FontNotFound(f"无法读取字体 {path}：{exc}",
                                   f"cannot load font {path}: {exc}") from exc
            missing = [ch for ch in _REQUIRED_CHARS if ord(ch) not in font.face.charToGlyph]
            if missing:
                chars = "".join(missing)
                raise FontNotFound(f"字体 {path} 缺少必需的字形：{chars}",
                                   f"font {path} lacks required glyphs: {chars}")
            pdfmetrics.registerFont(font)
            _registered = (path, index)
        _registered_for = configured
        return FONT_NAME


def registered_font_file() -> tuple[str, int] | None:
    """(path, index) of the registered font, or None before the first registration."""
    return _registered
