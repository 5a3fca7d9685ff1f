"""What the accounts GUI tests share: how long to wait, and screens to look at."""
from pathlib import Path

WAIT = 10_000
SHOTS = Path("/tmp/accounts-shots")


def shot(widget, name: str) -> None:
    """Screens to look at (offscreen grabs), kept outside the repository."""
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def exported_rows(log, qtbot, folder: Path) -> list[tuple]:
    """Export the audit window's list to Excel as a 负责人 would, and read the sheet back."""
    from openpyxl import load_workbook

    target = folder / "审计日志.xlsx"
    log.ask_save_path = lambda: target
    said = []
    log.inform = said.append
    log.export()
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)
    return list(load_workbook(target).active.iter_rows(values_only=True))
