"""An import reads and checks its file outside any write transaction: while a big file is being
checked, another writer (here a voucher voided from a second connection) goes through at once."""
import threading
from datetime import date

import pytest
from openpyxl import Workbook

import union_desk.db as db_module
import union_desk.services.common.excel_headers as excel_headers
from hardship_helpers import make_id
from union_desk.cli import main
from union_desk.db import open_database
from union_desk.models.payment import PaymentCreate, PaymentStatus
from union_desk.services.hardship.payments import get_payment, record_payment, void_payment


def big_list(path, header, rows):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


@pytest.fixture
def paused_reading(monkeypatch):
    """Checking a file stops at its 100th ID number until the test says go on."""
    reading, go_on = threading.Event(), threading.Event()
    real, calls = excel_headers.read_id_number, []

    def read_id_number(value):
        calls.append(value)
        if len(calls) == 100:
            reading.set()
            assert go_on.wait(30)
        return real(value)

    monkeypatch.setattr(excel_headers, "read_id_number", read_id_number)
    return reading, go_on


@pytest.fixture
def voucher(db, people):
    with db.session(write=True) as s:
        return record_payment(s, data=PaymentCreate(
            member_id=people["张三"].id, occasion="春节送温暖", amount_fen=10_000,
            paid_on=date(2021, 2, 1))).voucher_no


@pytest.mark.parametrize("command", ["roster", "payments"])
def test_a_void_goes_through_while_a_big_file_is_checked(db_path, tmp_path, people, voucher,
                                                         paused_reading, monkeypatch, command):
    reading, go_on = paused_reading
    if command == "roster":
        path = big_list(tmp_path / "名册.xlsx", ["姓名", "身份证号", "所属工会"],
                        [[f"会员{n}", make_id(n, "19900101"), "大洋镇机械厂工会"]
                         for n in range(100, 900)])
        args = ["roster", "import", str(path), "--commit"]
    else:
        path = big_list(tmp_path / "名单.xlsx", ["姓名", "身份证号", "金额"],
                        [["李四", people["李四"].id_number, 100]]
                        + [[f"某{n}", make_id(n, "19900101"), 100] for n in range(100, 900)])
        args = ["payments", "import", str(path), "--occasion", "金秋助学", "--commit"]
    result = {}
    importer = threading.Thread(target=lambda: result.setdefault(
        "code", main(["--db", str(db_path), *args])))
    importer.start()
    try:
        assert reading.wait(30)
        # When another writer starts while the file is being checked (2 s of patience only)
        monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 2_000)
        other = open_database(db_path, migrate=False)
        try:
            with other.session(write=True) as s:
                void_payment(s, voucher_no=voucher, reason="重复发放")
        finally:
            other.close()
    finally:
        go_on.set()
        importer.join(60)
    # Then it went through, and so did the import afterwards
    assert result["code"] == {"roster": 0, "payments": 3}[command]  # 3: 800 not on the roster
    with open_database(db_path, migrate=False) as check:
        with check.session() as s:
            assert get_payment(s, voucher_no=voucher).status == PaymentStatus.VOID
