"""One handler for unexpected errors: a short Chinese message, details in a rotating log file,
and never a full ID number or phone in the message or the log (issue 10 §2, issue 16)."""
import argparse
import logging

import sqlalchemy as sa

from union_desk import logs
from union_desk.cli import EXIT_ERROR, run_command
from union_desk.db import open_database
from union_desk.models.member import Member

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def failing_write(db_path):
    """A write that fails inside the database with a row of personal data in its parameters."""
    def handler(_args):
        with open_database(db_path) as db, db.session(write=True) as s:
            row = dict(id="f" * 32, township="DY", name="张三", id_number=ID_NUMBER, phone=PHONE,
                       union_id="no-such-union")
            s.execute(sa.insert(Member).values(**row))
            s.execute(sa.insert(Member).values(**row))  # the same primary key again
    return handler


def test_a_failed_write_shows_and_logs_no_personal_numbers(db_path, capsys, log_folder):
    # Given a command whose write fails with a name, an ID number and a phone in its row
    args = argparse.Namespace(command="roster", db=db_path, handler=failing_write(db_path))
    # When it runs through the CLI's one handler
    code = run_command(args)
    out, err = capsys.readouterr()
    # Then the clerk gets a short message naming the log, and no traceback
    log = log_folder / logs.LOG_NAME
    assert code == EXIT_ERROR and "意外问题" in err and str(log) in err
    assert "Traceback" not in out + err
    # and neither the screen nor the log holds the full numbers; the log has the details
    text = log.read_text(encoding="utf-8")
    assert "IntegrityError" in text and "Traceback" in text
    for secret in (ID_NUMBER, PHONE):
        assert secret not in out + err and secret not in text
    # (the engine hides parameters itself: the error's own text has none of them)
    assert "parameters hidden" in text


def test_the_log_filter_masks_ids_and_phones_in_every_record(log_folder):
    path = logs.install()
    log = logging.getLogger("union_desk.test")
    log.warning("member %s phone %s", ID_NUMBER, "+86 138-1234-5678")
    log.error("old id 330182750101123 card 6222021234567890123 ok")
    try:
        raise ValueError(f"bad row {ID_NUMBER} {PHONE}")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    for secret in (ID_NUMBER, PHONE, "13812345678", "330182750101123", "6222021234567890123"):
        assert secret not in text
    assert "1101**************" in text and "138****5678" in text and "ValueError" in text


def test_mask_numbers_leaves_ordinary_numbers_alone():
    assert logs.mask_numbers("2025-01-02 300 名会员 id 3f2a9c") == "2025-01-02 300 名会员 id 3f2a9c"
    assert logs.mask_numbers("号码13812345678。") == "号码138****5678。"


def test_a_clerks_error_message_shows_no_whole_id_or_phone(capsys):
    from union_desk.services.errors import UserError

    def handler(_args):
        raise UserError(f"身份证号 {ID_NUMBER} 在会员名册中属于“张三”，手机 {PHONE}")

    code = run_command(argparse.Namespace(command="trips", db=None, handler=handler))
    err = capsys.readouterr().err
    assert code == EXIT_ERROR and "张三" in err
    assert ID_NUMBER not in err and PHONE not in err and "138****5678" in err
