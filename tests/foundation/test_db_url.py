"""--db names a file or a server database; a URL never carries a password."""
from pathlib import Path

import pytest

from union_desk.cli import main
from union_desk.db_url import ServerURL, is_server, parse_target


@pytest.mark.parametrize("text", ["union_desk.sqlite3", "/data/工会/2025.sqlite3",
                                  r"D:\工会\2025.sqlite3", "./a:b.sqlite3"])
def test_a_path_stays_a_path(text):
    assert parse_target(text) == Path(text) and not is_server(parse_target(text))


@pytest.mark.parametrize("text, shown", [
    ("postgresql://clerk@db.example:5433/city", "postgresql://clerk@db.example:5433/city"),
    ("postgres://clerk@10.0.0.5/city", "postgresql://clerk@10.0.0.5/city"),
    ("postgresql+psycopg://clerk@localhost/city", "postgresql://clerk@localhost/city"),
    ("postgresql:///city?service=city_office", "postgresql:///city?service=city_office"),
])
def test_a_postgresql_url_is_a_server_database_on_psycopg(text, shown):
    target = parse_target(text)
    assert is_server(target) and isinstance(target, ServerURL)
    assert target.url.drivername == "postgresql+psycopg"
    assert str(target) == shown


def test_a_sqlite_url_is_its_file():
    assert parse_target("sqlite:///data/x.sqlite3") == Path("data/x.sqlite3")


@pytest.mark.parametrize("text, message", [
    ("postgresql://clerk:secret@db/city", "不能写密码"),
    ("mysql://clerk@db/city", "不支持的数据库地址"),
    ("sqlite://", "缺少文件名"),
])
def test_refused_urls_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_target(text)


def test_the_command_line_refuses_a_password_before_connecting(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--db", "postgresql://clerk:secret@db.invalid/city", "check"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "不能写密码" in err and "secret" not in err
