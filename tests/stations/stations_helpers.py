"""Rest-station test helpers: station data with every field filled in."""
from datetime import date
from decimal import Decimal

from union_desk.models.stations import StationCreate, StationKind

ALL_FACILITIES = ["toilet", "air_conditioner", "fridge", "microwave", "hot_water", "charging",
                  "first_aid", "bp_meter"]  # everything but the optional Wi-Fi
REGISTERED = date(2021, 3, 1)


def station_data(**over) -> StationCreate:
    fields = dict(name="大洋镇环卫工人爱心驿家", kind=StationKind.SELF_BUILT,
                  host_unit="大洋镇总工会", host_credit_code="91110000600037341L",
                  address="建德市大洋镇环城路18号", area_m2=Decimal("25.5"), is_24h=False,
                  opening_hours="07:00-19:00", manager="李建国", manager_phone="13857112345",
                  registered_on=REGISTERED, facilities=list(ALL_FACILITIES))
    fields.update(over)
    return StationCreate(**fields)
