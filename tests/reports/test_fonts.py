"""Finding and registering the embedded TrueType CJK font (union_desk.reports.fonts)."""

from __future__ import annotations

import os
import struct
import subprocess

import pytest

from union_desk.reports import fonts
from union_desk.reports.fonts import (
    ENV_VAR,
    FONT_NAME,
    FontNotFound,
    find_cjk_font,
    register_cjk_font,
    sfnt_has_truetype_outlines,
)

TRUETYPE = b"\x00\x01\x00\x00"
OTTO = b"OTTO"


def sfnt(version: bytes, *tags: bytes) -> bytes:
    """Header and table directory of one sfnt face (table contents are not needed)."""
    head = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    return head + b"".join(tag + b"\0" * 12 for tag in tags)


def ttc(*faces: bytes) -> bytes:
    """A TrueType collection whose offsets point at the given faces."""
    offset = 12 + 4 * len(faces)
    offsets, body = [], b""
    for face in faces:
        offsets.append(offset + len(body))
        body += face
    return b"ttcf" + TRUETYPE + struct.pack(">I", len(faces)) + struct.pack(
        f">{len(faces)}I", *offsets) + body


GLYF_FACE = sfnt(TRUETYPE, b"cmap", b"glyf", b"head", b"loca")
CFF_FACE = sfnt(OTTO, b"CFF ", b"cmap", b"head")


def write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def fake_linux(monkeypatch, no_env):
    """Discovery sees only the files the test lists as fontconfig output."""
    listed: list[str] = []
    monkeypatch.setattr(fonts, "_is_windows", lambda: False)
    monkeypatch.setattr(fonts, "WELL_KNOWN_FONTS", ())
    monkeypatch.setattr(fonts, "_fontconfig_files", lambda: list(listed))
    return listed


# --- the real machine -------------------------------------------------------------------------

def test_finds_a_truetype_cjk_font_on_this_machine(no_env):
    path, index = find_cjk_font()
    assert os.path.isfile(path)
    assert sfnt_has_truetype_outlines(path, index)
    assert "droidsansfallback" not in os.path.basename(path).lower()


def test_register_returns_the_font_name_and_has_voucher_glyphs():
    from reportlab.pdfbase import pdfmetrics

    assert register_cjk_font() == FONT_NAME
    assert register_cjk_font() == FONT_NAME  # cached, no second registration needed
    cmap = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    for ch in "人民币壹仟肆佰零玖元伍角整¥0123456789,.":
        assert ord(ch) in cmap, ch
    assert fonts.registered_font_file() is not None


# --- errors say what to do --------------------------------------------------------------------

def test_unknown_configured_path_raises_with_install_hint(no_env):
    with pytest.raises(FontNotFound) as err:
        find_cjk_font("/nonexistent/fonts/missing.ttf")
    message = str(err.value)
    assert "/nonexistent/fonts/missing.ttf" in message
    assert "sudo apt-get install fonts-wqy-microhei" in message
    assert "宋体" in message and "微软雅黑" in message and "设置" in message
    assert "Settings" in message
    assert message.index("请安装") < message.index("Install")  # Chinese first, then English


def test_failed_reconfiguration_keeps_the_registered_font(no_env):
    register_cjk_font()
    before = fonts.registered_font_file()
    with pytest.raises(FontNotFound):
        register_cjk_font("/nonexistent/fonts/missing.ttc")
    assert fonts.registered_font_file() == before


def test_configured_font_without_cjk_glyphs_is_refused(no_env):
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.isfile(dejavu):
        pytest.skip("DejaVuSans.ttf (fonts-dejavu-core) not installed")
    register_cjk_font()
    before = fonts.registered_font_file()
    with pytest.raises(FontNotFound, match="缺少必需的字形"):
        register_cjk_font(dejavu)
    assert fonts.registered_font_file() == before


# --- sfnt outline check -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "index", "expected"),
    [
        (GLYF_FACE, 0, True),
        (sfnt(b"true", b"glyf", b"loca"), 0, True),  # Apple TrueType tag
        (CFF_FACE, 0, False),  # OpenType/CFF, e.g. NotoSansCJK-Regular.otf
        (sfnt(TRUETYPE, b"CFF ", b"glyf"), 0, False),  # CFF table wins over the version tag
        (sfnt(TRUETYPE, b"CFF2", b"cmap"), 0, False),
        (sfnt(TRUETYPE, b"cmap", b"head"), 0, False),  # no outlines at all
        (ttc(CFF_FACE, GLYF_FACE), 0, False),  # Debian's NotoSansCJK-Regular.ttc is all CFF
        (ttc(CFF_FACE, GLYF_FACE), 1, True),
        (ttc(GLYF_FACE), 0, True),
        (ttc(GLYF_FACE), 1, False),  # no such face
        (GLYF_FACE, 1, False),  # a plain .ttf has only face 0
        (GLYF_FACE[:20], 0, False),  # truncated table directory
        (b"%PDF-1.4 not a font", 0, False),
        (b"", 0, False),
    ],
)
def test_sfnt_outline_check_reads_the_table_directory(tmp_path, data, index, expected):
    assert sfnt_has_truetype_outlines(write(tmp_path / "font.bin", data), index) is expected


def test_sfnt_check_on_missing_file_is_false(tmp_path):
    assert sfnt_has_truetype_outlines(tmp_path / "absent.ttf") is False


def test_configured_cff_font_is_refused(tmp_path, no_env):
    noto = write(tmp_path / "NotoSansCJK-Regular.ttc", ttc(CFF_FACE, CFF_FACE))
    with pytest.raises(FontNotFound, match="CFF") as err:
        find_cjk_font(noto)
    assert "sudo apt-get install fonts-wqy-microhei" in str(err.value)


def test_configured_droid_sans_fallback_is_refused(tmp_path, no_env):
    droid = write(tmp_path / "DroidSansFallbackFull.ttf", GLYF_FACE)
    with pytest.raises(FontNotFound, match="Droid Sans Fallback"):
        find_cjk_font(droid)


def test_configured_truetype_font_with_index_is_used(tmp_path, no_env):
    path = write(tmp_path / "mine.ttc", ttc(CFF_FACE, GLYF_FACE))
    assert find_cjk_font(path + "#1") == (path, 1)
    with pytest.raises(FontNotFound, match="CFF"):
        find_cjk_font(path + "#0")  # face 0 of the same file has CFF outlines


def test_configured_path_containing_hash_is_kept_whole(tmp_path, no_env):
    path = write(tmp_path / "font#2.ttf", GLYF_FACE)
    assert find_cjk_font(path) == (path, 0)


# --- environment override ---------------------------------------------------------------------

def test_env_var_overrides_the_configured_font(tmp_path, monkeypatch):
    env_font = write(tmp_path / "env.ttc", ttc(CFF_FACE, GLYF_FACE))
    configured = write(tmp_path / "configured.ttf", GLYF_FACE)
    monkeypatch.setenv(ENV_VAR, env_font + "#1")
    assert find_cjk_font(configured) == (env_font, 1)


def test_unusable_env_var_is_an_error_not_a_silent_fallback(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "missing.ttf"))
    with pytest.raises(FontNotFound, match=ENV_VAR):
        find_cjk_font()


# --- discovery order --------------------------------------------------------------------------

def test_fontconfig_discovery_prefers_wqy_and_skips_droid_and_cff(tmp_path, fake_linux):
    droid = write(tmp_path / "DroidSansFallbackFull.ttf", GLYF_FACE)
    noto = write(tmp_path / "NotoSansCJK-Regular.ttc", ttc(CFF_FACE, CFF_FACE))
    other = write(tmp_path / "SomeOtherCJK.ttf", GLYF_FACE)
    uming = write(tmp_path / "uming.ttc", ttc(GLYF_FACE))
    zenhei = write(tmp_path / "wqy-zenhei.ttc", ttc(GLYF_FACE))
    fake_linux.extend([droid, noto, other, uming, zenhei])
    assert find_cjk_font() == (zenhei, 0)
    fake_linux.remove(zenhei)
    assert find_cjk_font() == (uming, 0)
    fake_linux.remove(uming)
    assert find_cjk_font() == (other, 0)


def test_only_unusable_fonts_found_names_them(tmp_path, fake_linux):
    fake_linux.append(write(tmp_path / "DroidSansFallbackFull.ttf", GLYF_FACE))
    fake_linux.append(write(tmp_path / "NotoSansCJK-Regular.ttc", ttc(CFF_FACE)))
    with pytest.raises(FontNotFound) as err:
        find_cjk_font()
    message = str(err.value)
    assert "DroidSansFallbackFull.ttf" in message and "NotoSansCJK-Regular.ttc" in message
    assert "sudo apt-get install fonts-wqy-microhei" in message


def test_no_font_at_all_gives_the_install_hint(fake_linux):
    with pytest.raises(FontNotFound, match="sudo apt-get install fonts-wqy-microhei"):
        find_cjk_font()


def test_windows_prefers_simsun_then_msyh_then_simhei(tmp_path, monkeypatch, no_env):
    monkeypatch.setattr(fonts, "_is_windows", lambda: True)
    monkeypatch.setenv("WINDIR", str(tmp_path))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    font_dir = tmp_path / "Fonts"
    font_dir.mkdir()
    simhei = write(font_dir / "simhei.ttf", GLYF_FACE)
    assert find_cjk_font() == (simhei, 0)
    msyh = write(font_dir / "msyh.ttc", ttc(GLYF_FACE, GLYF_FACE))
    assert find_cjk_font() == (msyh, 0)
    simsun = write(font_dir / "simsun.ttc", ttc(GLYF_FACE, GLYF_FACE))
    assert find_cjk_font() == (simsun, 0)


def test_fontconfig_output_is_parsed(monkeypatch):
    out = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc: \n/home/a b/fonts/x.ttf: \n\n"
    monkeypatch.setattr(fonts.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(
        a[0], 0, stdout=out, stderr=""))
    assert fonts._fontconfig_files() == [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/home/a b/fonts/x.ttf"]


@pytest.mark.parametrize("error", [FileNotFoundError("fc-list"),
                                   subprocess.TimeoutExpired("fc-list", 15)])
def test_missing_or_hanging_fontconfig_is_tolerated(monkeypatch, error):
    def run(*args, **kwargs):
        raise error

    monkeypatch.setattr(fonts.subprocess, "run", run)
    assert fonts._fontconfig_files() == []
