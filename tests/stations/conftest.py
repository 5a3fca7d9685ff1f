"""Rest-station fixtures: a station factory over the `db` fixture (township 大洋镇)."""
import pytest

from stations_helpers import station_data
from union_desk.services.stations import registry as stations


@pytest.fixture
def make_station(db):
    def make(**over):
        with db.session(write=True) as s:
            return stations.register_station(s, data=station_data(**over))
    return make


@pytest.fixture
def station(make_station):
    return make_station()
