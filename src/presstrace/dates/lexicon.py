"""Words of time: months, weekdays, units, seasons, parts of the day, small counts.

Kept apart from the patterns (``find.py``) so that adding a spelling is a one-line change.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

#: TimeML duration letters; decades and centuries are written in years (P10Y), as TimeBank does.
UNITS = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1), "quarter": ("Q", 1),
    "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100), "millennium": ("Y", 1000),
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}

SEASONS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "half a dozen": 6,
    "half-dozen": 6, "a half-dozen": 6, "half a": 0.5,
    "a half": 0.5, "half": 0.5,
}  # fmt: skip
#: Counts that say "some number of": a TimeML duration with X (PXY).
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "a couple of", "a number of"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "final": 4,
}  # fmt: skip

#: Fixed-date holidays (month, day).
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "christmas": (12, 25), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "boxing day": (12, 26),
    "bastille day": (7, 14), "may day": (5, 1),
}  # fmt: skip
#: Holidays that move: (month, ISO weekday, which one of the month; -1 the last). US usage.
NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "mlk day": (1, 1, 3),
}  # fmt: skip
#: Days counted from Thanksgiving, the shopping days news names.
THANKSGIVING_DAYS = {"black friday": 1, "cyber monday": 4}
#: Days counted from Easter Sunday.
EASTER_HOLIDAYS = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1,
    "palm sunday": -7, "ash wednesday": -46,
}  # fmt: skip

#: Sentence words that put a weekday or month ahead of the article's date, not behind it.
FUTURE_MARKERS = (
    "will", "'ll", "’ll", "shall", "going to", "plans to", "plan to", "planned", "expected to",
    "scheduled", "set to", "is due", "are due", "is to", "are to", "would", "next",
    "upcoming", "should", "won't", "won’t", "could", "might", "must", "intends to", "aims to",
    "hopes to", "takes effect", "take effect", "set for", "expires", "expects", "expect",
    "forecasts", "predicts",
)  # fmt: skip
#: Words just before a weekday or date that put it ahead: "closed until Friday".
FUTURE_PREPOSITIONS = ("until", "till", "by", "before")


def number_value(text: str) -> float | None:
    """``"three"`` -> 3, ``"twenty-five"`` -> 25, ``"18"`` -> 18; ``None`` if it is no number."""
    text = text.lower().replace(",", "").strip()
    if text.endswith(" and a half"):
        whole = number_value(text[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if text.replace(".", "", 1).isdigit():
        return float(text)
    if text in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[text])
    parts = text.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        tens, ones = SMALL_NUMBERS[parts[0]], SMALL_NUMBERS[parts[1]]
        if tens in (20, 30, 40, 50, 60, 70, 80, 90) and 1 <= ones <= 9:
            return float(tens + ones)
    return None
