"""Thinning like Anki / Time Machine, as properties (hypothesis)."""
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from union_desk.services.backups.thinning import ALL_FOR, bucket, to_keep

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)
ages = st.lists(st.integers(min_value=0, max_value=2 * 365 * 24 * 60), max_size=300)


def times_of(minutes):
    return {NOW - timedelta(minutes=m) for m in minutes}


@given(ages)
def test_the_last_two_days_are_all_kept_and_the_newest_always(minutes):
    times = times_of(minutes)
    kept = to_keep(times, NOW)
    assert {t for t in times if NOW - t < ALL_FOR} <= kept
    if times:
        assert max(times) in kept
    assert kept <= times


@given(ages)
def test_exactly_one_per_day_week_and_month_bucket_the_newest(minutes):
    times = times_of(minutes)
    kept = to_keep(times, NOW)
    buckets = {}
    for t in times:
        buckets.setdefault(bucket(t, NOW), []).append(t)
    for key, members in buckets.items():
        in_kept = [t for t in members if t in kept]
        if key[0] == "all":
            assert in_kept == members
        else:
            assert in_kept == [max(members)]


@given(ages)
def test_thinning_twice_changes_nothing(minutes):
    kept = to_keep(times_of(minutes), NOW)
    assert to_keep(kept, NOW) == kept


@settings(max_examples=3, deadline=None)
@given(st.integers(min_value=0, max_value=23))
def test_a_year_of_hourly_backups_thinned_each_hour_stays_small_and_covers_every_month(start):
    kept: set[datetime] = set()
    first = now = NOW + timedelta(hours=start)
    for _hour in range(365 * 24):
        kept.add(now)
        kept = to_keep(kept, now)
        now += timedelta(hours=1)
    now -= timedelta(hours=1)
    # 48 hourly + 12 daily + about 11 weekly + about 10 monthly
    assert len(kept) <= 48 + 13 + 14 + 13
    assert {now - t < ALL_FOR for t in kept} == {True, False}
    month = first.astimezone().replace(day=1)
    while month < now:
        assert any((t.astimezone().year, t.astimezone().month) == (month.year, month.month)
                   for t in kept), month
        month = (month + timedelta(days=32)).replace(day=1)
