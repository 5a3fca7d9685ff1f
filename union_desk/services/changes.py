"""What a write changed, named once: the views' op runner announces these after a write succeeds
(`ops.write(..., changes={Change.PAYMENTS})`) and each tab refreshes what shows them.

A plain Enum, not strings: a misspelt name is an AttributeError where it is written, and the op
runner refuses anything that is not a Change, so no refresh is ever missed silently.
"""
from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Change(Enum):
    UNIONS = "unions"
    MEMBERS = "members"
    HOUSEHOLDS = "households"
    VISITS = "visits"
    PAYMENTS = "payments"
    HARDSHIP_POLICY = "hardship_policy"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"  # accounts, who is working, the review and lock settings
    TRIPS = "trips"
    STATIONS = "stations"
    STATION_INSPECTIONS = "station_inspections"
    STATION_COUNTS = "station_counts"
    STATION_PHOTOS = "station_photos"
    STATION_SUBSIDIES = "station_subsidies"
    EXCHANGE = "exchange"  # keys, merges, the review queue


def changes(names: Iterable[Change]) -> frozenset[Change]:
    """The set a write announces; anything but a Change is a programming error, refused at once."""
    result = frozenset(names)
    wrong = [n for n in result if not isinstance(n, Change)]
    if wrong:
        raise TypeError(f"not a Change: {wrong!r}")
    return result
