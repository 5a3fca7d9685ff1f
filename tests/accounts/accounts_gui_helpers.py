"""What the accounts GUI tests share: how long to wait, the main window with its accounts menu,
and screens to look at."""
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


def accounts_window(ops, qtbot, *, size: tuple[int, int] | None = None, show: bool = True):
    """The main window with its 账户 menu, once the menu has read the policy: (window, menu)."""
    from union_desk.views.accounts.menu import AccountsMenu
    from union_desk.views.main_window import MainWindow

    win = MainWindow(ops)
    menu = win.accounts_menu = AccountsMenu(win, ops)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    if show:
        win.show()
    qtbot.waitUntil(lambda: menu.policy is not None, timeout=WAIT)
    return win, menu
