"""The window opened on a server database (`union-desk --db postgresql://…`), as app.Session does
it: the city's tabs and township choice, and — when libpq finds no password — a small dialog that
asks for it; the password goes to the connection only (never the URL, the screen, a file or the
log), a refused one is asked again, a password file spares the question."""
import logging

import pytest
from PySide6.QtWidgets import QPushButton

from union_desk.app import Session
from union_desk.db_url import parse_target

pytestmark = pytest.mark.postgresql

ROLE, PASSWORD = "ud_desk", "Desk-pw-7x"


@pytest.fixture
def db_engine():
    return "postgresql"


@pytest.fixture
def desk_role(pg_server):
    """A role that must give its password (the test server trusts only `postgres`)."""
    with pg_server.admin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    yield ROLE
    with pg_server.admin() as conn:
        conn.exec_driver_sql(f"DROP ROLE {ROLE}")


@pytest.fixture
def session(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("UNION_DESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-password-file"))
    opened = Session(qapp)
    problems = []
    opened.show_problem = problems.append
    opened.problems = problems
    yield opened
    opened.close()


def desk_url(city_db, role: str):
    return parse_target(str(city_db.location).replace("postgres@", f"{role}@"))


def test_the_city_window_opens_on_a_url(city, session, qtbot):
    city_db, _ = city
    assert session.open(city_db.location), session.problems
    window = session.window
    names = {window.tabs.widget(i).objectName() for i in range(window.tabs.count())}
    assert {"overviewTab", "voucherCheckTab", "reviewTab"} <= names
    assert window.exchange.township_combo.count() == 17
    qtbot.waitUntil(lambda: "postgresql://" in window.status_label.text(), timeout=10_000)
    assert window.findChild(QPushButton, "newMemberButton").isEnabled() is False
    assert not window.backup_action.isEnabled()  # a server is backed up with pg_dump
    session.window.ops.wait()


def test_a_password_libpq_cannot_find_is_asked_for_and_kept_nowhere(city, session, desk_role,
                                                                     qtbot, caplog, tmp_path):
    city_db, _ = city
    asked = []

    def ask(location, problem):
        asked.append((str(location), problem.user, problem.refused))
        return "wrong-one" if len(asked) == 1 else PASSWORD

    session.ask_password = ask
    caplog.set_level(logging.DEBUG)
    # When the window opens the URL as ud_desk, with no password file
    assert session.open(desk_url(city_db, desk_role)), session.problems
    # Then it asked; a wrong password was refused and asked again; the window is open
    assert [(user, refused) for _, user, refused in asked] == [(ROLE, False), (ROLE, True)]
    assert all(where.startswith(f"postgresql://{ROLE}@") for where, _, _ in asked)
    window = session.window
    qtbot.waitUntil(lambda: ROLE in window.status_label.text(), timeout=10_000)
    location = session.db.location
    # and the password is in none of what the app shows, logs or writes
    for text in (str(location), repr(location), window.status_label.text(), caplog.text,
                 *(p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())):
        assert PASSWORD not in text
    window.ops.wait()


def test_cancelling_the_password_question_opens_nothing(city, session, desk_role):
    city_db, _ = city
    session.ask_password = lambda location, problem: None
    assert not session.open(desk_url(city_db, desk_role))
    assert session.window is None and session.problems == []


def test_a_password_file_spares_the_question(city, session, desk_role, pg_server, monkeypatch,
                                             tmp_path):
    city_db, _ = city
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{pg_server.host}:{pg_server.port}:*:{ROLE}:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    session.ask_password = lambda location, problem: pytest.fail("asked for a password")
    assert session.open(desk_url(city_db, desk_role)), session.problems
    session.window.ops.wait()


def test_the_password_dialog_hides_what_is_typed(qapp, qtbot, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    from union_desk.views.password_dialog import PasswordDialog

    dialog = PasswordDialog("postgresql://ud_app@city-server/union_desk_city", "ud_app",
                            refused=True)
    qtbot.addWidget(dialog)
    dialog.password.setText("typed")
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.value() == "typed" and dialog.error.text()
    dialog.show()
    assert dialog.grab().save(str(tmp_path / "password.png"))
