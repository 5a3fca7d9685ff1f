"""Screenshots of the window on a fresh demo database, taken offscreen, into docs/screens/:

    python tools/screenshots.py [--out docs/screens] [--lang zh|en]
    python tools/screenshots.py --laptop [--out docs/laptop]

One PNG per working tab, and the screens mended for issue 14 (member history, household page,
the discard question, the overview of a past year, the preview with its zoom, the stations'
refusals). Run it again after changing a screen, and look at the pictures.

--laptop (issue 12): the clerks' two laptops, each in a child process on an offscreen screen of
that size — 1280×680 (1366×768 less the taskbar) and 1920×1040 at QT_SCALE_FACTOR=1.5 (1280×693
logical) — the window placed as on a real start (maximised there), every tab and every dialog a
clerk opens, at a township and at the city office (tools/laptop_shots.py), into
docs/laptop/<size>/.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def settle(app, ops, rounds: int = 4) -> None:
    for _ in range(rounds):
        ops.wait()
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs/screens"))
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--laptop", action="store_true")
    parser.add_argument("--laptop-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.laptop:
        return laptops(Path(args.out if args.out != parser.get_default("out") else
                            Path(__file__).resolve().parents[1] / "docs/laptop"))
    if args.laptop_child:
        return laptop_shots(Path(args.out), args.lang)
    from union_desk.app import make_app
    from union_desk.db import open_database
    from union_desk.services.demo.generate import make_demo
    from union_desk.services.settings import set_up
    from union_desk.views.main_window import MainWindow
    from union_desk.views.ops import Ops

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang.startswith("zh") else f"-{args.lang}"
    with tempfile.TemporaryDirectory() as folder:
        if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # its own screen is 800×800
            os.environ["QT_QPA_PLATFORM"] = offscreen_screen(Path(folder) / "screen.json",
                                                             "wide", 1366, 800)
        app = make_app(args.lang)
        db = open_database(Path(folder) / "demo.sqlite3")
        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="王晓燕")
            make_demo(s, size=300)
        db.load_context()
        ops = Ops(db)
        window = MainWindow(ops)
        window.resize(1366, 800)
        window.show()
        settle(app, ops)

        def shot(widget, name: str) -> None:
            settle(app, ops)
            path = out / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            print(path)

        names = ["roster", "hardship", "trips", "stations", "overview"]
        for i, name in enumerate(names):
            window.tabs.setCurrentIndex(i)
            settle(app, ops)
            shot(window, f"tab-{name}")
        for step in SCREENS:
            step(app, ops, window, shot)
        window.close()
        ops.wait()
        db.close()


def _member_history(app, ops, window, shot) -> None:
    roster = window.tabs.widget(0)
    window.tabs.setCurrentIndex(0)
    roster.search.setText("zeng")  # the surname read as a surname: 曾 zeng (not ceng)
    settle(app, ops)
    shot(window, "roster-search-surname")
    roster.search.clear()
    settle(app, ops)
    roster.table.selectRow(0)
    dialog = roster.edit_member()
    settle(app, ops)
    shot(dialog, "member-history")
    dialog.name.setText(dialog.name.text() + "（改）")
    shot(dialog, "member-edited")
    from union_desk.views.form_dialog import GuardedDialog

    GuardedDialog.confirm_discard = lambda self: True
    dialog.reject()


def _household(app, ops, window, shot) -> None:
    window.tabs.setCurrentIndex(1)
    hardship = window.tabs.widget(1)
    panel = hardship.households
    settle(app, ops)
    panel.table.selectRow(0)
    settle(app, ops)
    shot(window, "household-page")


def _past_overview(app, ops, window, shot) -> None:
    window.tabs.setCurrentIndex(4)
    overview = window.tabs.widget(4)
    overview.year.setValue(date.today().year - 1)
    settle(app, ops)
    shot(window, "overview-last-year")
    overview.year.setValue(date.today().year)
    settle(app, ops)


def _household_file(app, ops, window, shot) -> None:
    panel = window.tabs.widget(1).households
    window.tabs.setCurrentIndex(1)
    panel.table.selectRow(1)
    panel.edit_household()  # as a double-click does: opens once the page is read
    settle(app, ops)
    if panel.opened is not None:
        shot(panel.opened, "household-file")
        panel.opened.mark_clean()
        panel.opened.reject()


def _setup(app, ops, window, shot) -> None:
    from union_desk.views.setup_dialog import SetupDialog

    dialog = SetupDialog(window)
    dialog.show()
    shot(dialog, "first-run-setup")
    dialog.close()


def _preview_zoom(app, ops, window, shot) -> None:
    """Two vouchers previewed as the payments list makes them (the hardship tab's printing)."""
    from union_desk.services.hardship.payment_search import list_payments

    printing = window.tabs.widget(1).printing
    previews = []
    printing.preview_opened.connect(previews.append)
    printing.vouchers(lambda s: list_payments(s, limit=2), signoff=False, title="凭证",
                      filename="凭证.pdf")
    for _ in range(200):
        settle(app, ops, 1)
        if previews:
            break
    preview = previews[0]
    preview.resize(900, 760)
    settle(app, ops)
    preview.zoom_by(1.25)
    preview.zoom_by(1.25)
    for _ in range(40):  # the PDF view renders its pages in the background
        app.processEvents()
        time.sleep(0.05)
    shot(preview, "preview-zoom")
    preview.reject()


LAPTOPS = {"1280x680": ((1280, 680), "1"), "1920x1040-scale1.5": ((1920, 1040), "1.5")}


def offscreen_screen(config: Path, name: str, width: int, height: int) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of this size (its file written)."""
    import json

    config.write_text(json.dumps({"screens": [{"name": name, "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def laptops(out: Path) -> None:
    import subprocess

    for name, ((width, height), scale) in LAPTOPS.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        config = folder / "screen.json"
        env = dict(os.environ, QT_QPA_PLATFORM=offscreen_screen(config, name, width, height),
                   QT_SCALE_FACTOR=scale)
        subprocess.run([sys.executable, __file__, "--laptop-child", "--out", str(folder)],
                       env=env, check=True)
        config.unlink()


def laptop_shots(out: Path, lang: str) -> None:
    """In the child: tools/laptop_shots.py (every tab and dialog, a township and the city)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from laptop_shots import laptop_shots as shots

    shots(out, lang)


SCREENS = [_member_history, _household, _household_file, _past_overview, _setup,
           _preview_zoom]


if __name__ == "__main__":
    main()
