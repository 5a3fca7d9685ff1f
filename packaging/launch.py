"""Entry script of the pyinstaller bundle (build.spec): the same `union-desk` as the console script.

Both executables of the bundle start here. On Windows the windowed one (union-desk.exe) has no
console, so sys.stdout/sys.stderr are None; give them a sink so a sub-command run from it does not
crash on its first print (use union-desk-cli.exe to see the output).
"""
import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from union_desk.cli import main  # noqa: E402 - after the stream fix-up above

if __name__ == "__main__":
    sys.exit(main())
