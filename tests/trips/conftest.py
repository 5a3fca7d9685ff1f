"""Fixtures for the shuttle-bus tests: a campaign with two buses (贵州黔东南 via 凯里, 黄平; 湖北恩施)."""
import pytest

from trips_helpers import bus, new_campaign


@pytest.fixture
def campaign(db):
    """(campaign row, [bus to 贵州黔东南 with 3 seats, bus to 湖北恩施 with 2 seats])."""
    return new_campaign(db, bus("浙A12345", 3, "贵州黔东南", ["凯里", "黄平"]),
                        bus("浙A22345", 2, "湖北恩施"))
