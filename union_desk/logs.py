"""The log file: where unexpected errors are written, with ID numbers and phones masked.

One rotating file in the user's data folder (`union_desk.log`, 1 MB × 5). Every record that reaches
it passes `MaskPersonalNumbers`, which rewrites the message and any traceback so that no resident
ID number (18 or 15 digits), bank-card-like digit run or mobile number appears whole.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

LOG_NAME = "union_desk.log"
_handler: logging.Handler | None = None

# 15 or more digits (an 18-digit ID may end in X): resident IDs, legacy IDs, bank accounts
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{14,}[\dXx](?![0-9A-Za-z])")
# a mainland mobile, optionally after +86 / 0086, not inside a longer digit run
_MOBILE = re.compile(r"(?<!\d)(?:\+86|0086)?[- ]?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)")


def mask_numbers(text: str) -> str:
    """Hide whole ID numbers, long account numbers and mobile numbers inside free text."""
    text = _LONG_NUMBER.sub(lambda m: m.group(0)[:4] + "*" * (len(m.group(0)) - 4), text)
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)


class MaskPersonalNumbers(logging.Filter):
    """Rewrites every record (message, arguments, traceback, stack) with `mask_numbers`."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            text += "\n" + record.exc_text
            record.exc_text = None
        if record.stack_info:
            record.stack_info = mask_numbers(record.stack_info)
        record.msg, record.args = mask_numbers(text), ()
        return True


def log_dir() -> Path:
    """The user's data folder (beside the default database), or UNION_DESK_LOG_DIR."""
    override = os.environ.get("UNION_DESK_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    from union_desk import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_NAME


def install() -> Path:
    """Attach the rotating, masking file handler to the root logger (once). Returns its path."""
    global _handler
    path = log_path()
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)
    except OSError:  # no writable data folder: log nowhere rather than fail the program
        handler = logging.NullHandler()
    handler.addFilter(MaskPersonalNumbers())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _handler = handler
    return path


def log_unexpected(err: BaseException, where: str) -> Path:
    """Write an unexpected error with its traceback to the log; returns the log's path."""
    path = install()
    logging.getLogger("union_desk").error(
        "unexpected error in %s: %s: %s\n%s", where, type(err).__name__, err,
        getattr(err, "__traceback_text__", "") or _traceback(err))
    return path


def _traceback(err: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(type(err), err, err.__traceback__))
