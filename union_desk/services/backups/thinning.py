"""Which backups to keep, as Anki, Zotero and Time Machine do: every backup of the last 2 days,
the newest of each day for 2 weeks, the newest of each week for 3 months, and the newest of each
month beyond. Pure: the caller deletes what is not kept.

Buckets are calendar days, ISO weeks and months of the backup's local time, within the age zone
the backup falls in; the newest of each bucket is kept, so as a backup ages into a coarser zone
the one kept for a bucket was always already kept at the finer level before it.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable

ALL_FOR = timedelta(days=2)
DAILY_FOR = timedelta(days=14)
WEEKLY_FOR = timedelta(days=90)


def bucket(taken: datetime, now: datetime) -> tuple:
    """The bucket a backup taken at `taken` belongs to at `now` (aware datetimes)."""
    age = now - taken
    local = taken.astimezone()
    if age < ALL_FOR:
        return ("all", taken)
    if age < DAILY_FOR:
        return ("day", local.date())
    if age < WEEKLY_FOR:
        year, week, _ = local.isocalendar()
        return ("week", year, week)
    return ("month", local.year, local.month)


def to_keep(times: Iterable[datetime], now: datetime) -> set[datetime]:
    """The backup times to keep out of `times` (aware datetimes) at `now`."""
    newest: dict[tuple, datetime] = {}
    for taken in times:
        key = bucket(taken, now)
        if key not in newest or taken > newest[key]:
            newest[key] = taken
    return set(newest.values())
