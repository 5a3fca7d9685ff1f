"""The audit trail's JSON: values JSON cannot hold go through `_plain`, and only those."""
import enum
import json
from datetime import date, datetime, time, timezone

from union_desk.models.audit import _dump, _plain
from union_desk.models.member import MemberStatus


class Plain(enum.Enum):
    A = "甲"


def test_the_json_is_what_converting_every_value_first_gave():
    data = {"n": 1, "day": date(2021, 3, 5), "at": datetime(2021, 1, 1, tzinfo=timezone.utc),
            "clock": time(7, 30), "status": MemberStatus.ACTIVE, "plain": Plain.A,
            "photo": b"abc", "none": None, "x": 1.5, "text": "中文", "flag": True}
    assert _dump(data) == json.dumps({k: _plain(v) for k, v in data.items()},
                                     ensure_ascii=False, sort_keys=True)
    assert json.loads(_dump(data))["photo"]["bytes"] == 3
