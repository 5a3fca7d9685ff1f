"""Qt translations, grouped per working area: English source strings, Simplified Chinese default.

    python tools/i18n.py update            # lupdate every area's .ts from the code (keeps translations)
    python tools/i18n.py missing           # list unfinished translations; exit 1 if any
    python tools/i18n.py set AREA FILE.json  # {"English source": "中文"} into AREA's .ts
    python tools/i18n.py release           # lrelease all .ts into union_desk/i18n/union_desk_zh_CN.qm
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "union_desk"
I18N = PKG / "i18n"
QM = I18N / "union_desk_zh_CN.qm"
AREAS = ("roster", "hardship", "trips", "stations", "backups", "exchange", "accounts")


def _tool(name: str) -> str:
    """Qt's lupdate/lrelease as shipped inside PySide6 (found without relying on PATH)."""
    import PySide6

    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [Path(PySide6.__file__).parent / f"{name}{exe}",
                  Path(sys.executable).parent / f"pyside6-{name}{exe}"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def area_sources() -> dict[str, list[Path]]:
    """Each working area's views live in views/<area>/; the shared views and app.py are `core`."""
    views = PKG / "views"
    groups = {area: sorted((views / area).glob("*.py")) for area in AREAS}
    groups["core"] = [PKG / "app.py"] + sorted(views.glob("*.py"))
    return {area: files for area, files in groups.items() if files}


def ts_path(area: str) -> Path:
    return I18N / f"{area}_zh_CN.ts"


def update(target_dir: Path = I18N) -> dict[str, Path]:
    out = {}
    for area, files in area_sources().items():
        ts = target_dir / ts_path(area).name
        if target_dir != I18N and ts_path(area).exists():
            shutil.copyfile(ts_path(area), ts)
        subprocess.run([_tool("lupdate"), *map(str, files), "-target-language", "zh_CN",
                        "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
        out[area] = ts
    return out


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [m.findtext("source") or "" for m in root.iter("message")
            if (m.find("translation").get("type") == "unfinished"
                or not (m.find("translation").text or "").strip())]


def set_translations(area: str, mapping: dict[str, str]) -> int:
    ts = ts_path(area)
    tree = ET.parse(ts)
    done = 0
    for message in tree.getroot().iter("message"):
        text = mapping.get(message.findtext("source") or "")
        if text:
            translation = message.find("translation")
            translation.text = text
            translation.attrib.pop("type", None)
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def release(qm: Path = QM) -> None:
    files = sorted(I18N.glob("*_zh_CN.ts"))
    subprocess.run([_tool("lrelease"), *map(str, files), "-qm", str(qm)], check=True,
                   capture_output=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "missing"
    if command == "update":
        update()
    elif command == "missing":
        missing = {area: unfinished(ts_path(area)) for area in area_sources()
                   if ts_path(area).exists()}
        for area, sources in missing.items():
            for source in sources:
                print(f"{area}\t{source}")
        return 1 if any(missing.values()) else 0
    elif command == "set":
        print(set_translations(argv[1], json.loads(Path(argv[2]).read_text("utf-8"))), "set")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
