"""The user guide (使用说明), shipped inside the package so it opens offline: guide_zh.md, shown
by 帮助 ▸ 使用说明 (views/help_menu.py)."""
from __future__ import annotations

from pathlib import Path

GUIDE = Path(__file__).with_name("guide_zh.md")


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")
