"""One run of the main window in its own process, on an offscreen screen of a given size (the
test's screens are 800×800 otherwise): `python window_run.py DB SETTINGS_DIR set|show`.
`set` places the window, moves its first splitter and the roster's first column, and closes it
(which saves the layout); `show` opens it again and prints what it restored as JSON."""
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    db_path, settings_dir, mode = sys.argv[1:4]
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QSplitter

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    _app = QApplication([])  # kept alive for the windows below
    from union_desk.db import open_database
    from union_desk.views.main_window import MainWindow
    from union_desk.views.ops import Ops

    db = open_database(db_path)
    ops = Ops(db)
    window = MainWindow(ops)
    maximised = bool(window.windowState() & Qt.WindowState.WindowMaximized)
    if mode == "set":
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1300, 700)
        window.move(40, 30)
    window.show()
    for _ in range(4):
        ops.wait()
        QCoreApplication.processEvents()
    splitter = window.findChildren(QSplitter)[0]
    table = window.tabs.widget(0).table
    if mode == "set":
        splitter.setSizes([200, 900])
        table.setColumnWidth(0, 233)
    result = {"maximised": maximised, "geometry": list(window.geometry().getRect()),
              "splitter": splitter.sizes(), "column": table.columnWidth(0),
              "screen": list(window.screen().availableGeometry().getRect())}
    window.close()
    ops.wait()
    db.close()
    print(json.dumps(result))
    os._exit(0)


if __name__ == "__main__":
    main()
