"""Calendar arithmetic for TimeML values: shifting a reference date by days, weeks, months,
quarters and years, and writing the result at the granularity the expression had.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Granularities, coarse to fine, as the value is written.
CENTURY, DECADE, YEAR, HALF, QUARTER, SEASON, MONTH, WEEK, DAY = (
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day",
)  # fmt: skip


def shift(ref: date, unit: str, n: int) -> date:
    """``ref`` moved ``n`` units (days, weeks, months, quarters, years) forward or back."""
    if unit == "D":
        return ref + timedelta(days=n)
    if unit == "W":
        return ref + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12}.get(unit)
    if months is None:
        return ref
    total = ref.year * 12 + ref.month - 1 + n * months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(ref.day, _days_in(year, month + 1)))


def _days_in(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def write(day: date, granularity: str) -> str:
    """``day`` written at ``granularity``: ``2019-11-26``, ``2019-W48``, ``2019-11``,
    ``2019-Q4``, ``2019-H2``, ``2019``, ``201`` (decade), ``20`` (century)."""
    if granularity == DAY:
        return day.isoformat()
    if granularity == WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == HALF:
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if granularity == DECADE:
        return f"{day.year // 10:03d}"
    if granularity == CENTURY:
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday(ref: date, target: int, direction: int) -> date:
    """The ``target`` weekday (1 = Monday) nearest ``ref`` looking back (``direction`` < 0),
    forward (> 0) or either way (0, the past on a tie); the reference day itself counts as
    all three."""
    ahead = (target - ref.isoweekday()) % 7
    back = (ref.isoweekday() - target) % 7
    if direction > 0 or (direction == 0 and ahead < back):
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def nth_weekday(year: int, month: int, target: int, nth: int) -> date:
    """The ``nth`` ``target`` weekday (1 = Monday) of a month; ``nth`` -1 is the last one."""
    if nth < 0:
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - target) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(target - first.isoweekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def month_year(ref: date, month: int, direction: int) -> int:
    """The year of a month named without one: the reference year, unless the tense puts the
    month on the other side of the reference date ("in March" written in November: this
    year's March if it happened, next year's if it is to come)."""
    if direction < 0 and month > ref.month:
        return ref.year - 1
    if direction > 0 and month < ref.month:
        return ref.year + 1
    return ref.year
