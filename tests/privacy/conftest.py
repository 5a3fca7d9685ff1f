"""A demo database (every area filled) made once for the masking tests, and every full personal
number in it, read straight from the tables."""
import pytest

from demo_files import copy_of, demo_file
from union_desk.db import open_database
from union_desk.services.trips import campaigns as trips
from union_desk.services.trips.assign import assign_seats

DEMO_MEMBERS = 80


def _seat_every_campaign(s) -> None:
    for campaign in trips.list_campaigns(s):
        assign_seats(s, campaign_id=campaign.id)


@pytest.fixture(scope="session")
def demo_template(template_db, tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("privacy") / "demo.sqlite3", DEMO_MEMBERS,
                     template=template_db, then=_seat_every_campaign)


@pytest.fixture
def demo_path(demo_template, tmp_path):
    return copy_of(demo_template, tmp_path)


@pytest.fixture
def demo(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()


FULL_NUMBERS_SQL = (
    "SELECT id_number FROM member UNION SELECT phone FROM member",
    "SELECT id_number FROM household_person UNION SELECT bank_account FROM household",
    "SELECT id_number FROM trip_registration UNION SELECT phone FROM trip_registration "
    "UNION SELECT emergency_phone FROM trip_registration",
    "SELECT manager_phone FROM station",
    "SELECT recipient_id_number FROM payment WHERE member_id IS NOT NULL",
)


@pytest.fixture
def full_numbers(demo):
    """Every person's ID number, phone and bank account in the demo file."""
    with demo.engine.connect() as conn:
        numbers = {v for sql in FULL_NUMBERS_SQL for (v,) in conn.exec_driver_sql(sql) if v}
    kinds = {len(n) for n in numbers}
    assert {11, 18} <= kinds and len(numbers) > 2 * DEMO_MEMBERS  # the search has prey
    return numbers

