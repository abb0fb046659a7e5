"""Calendar days in the school's time zone, from the naive UTC times the database stores."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=8)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_day(moment: dt.datetime, tz: str) -> dt.date:
    """The local calendar day of a naive UTC time.

    >>> local_day(dt.datetime(2025, 3, 1, 23, 30), "Europe/Berlin")
    datetime.date(2025, 3, 2)
    """
    return moment.replace(tzinfo=dt.UTC).astimezone(zone(tz)).date()


def day_start_utc(day: dt.date, tz: str) -> dt.datetime:
    """Naive UTC time at which the local `day` begins.

    >>> day_start_utc(dt.date(2025, 3, 2), "Europe/Berlin")
    datetime.datetime(2025, 3, 1, 23, 0)
    """
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone(tz))
    return start.astimezone(dt.UTC).replace(tzinfo=None)


def today_bounds(now: dt.datetime, tz: str) -> tuple[dt.datetime, dt.datetime]:
    """Naive UTC start and end of the local day containing `now`."""
    today = local_day(now, tz)
    return day_start_utc(today, tz), day_start_utc(today + dt.timedelta(days=1), tz)


def local_time(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    """A naive UTC time as naive local time, for files that cannot hold a time zone (spreadsheets).

    >>> local_time(dt.datetime(2025, 3, 20, 9, 0), "Europe/Berlin")
    datetime.datetime(2025, 3, 20, 10, 0)
    """
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC).astimezone(zone(tz)).replace(tzinfo=None)
