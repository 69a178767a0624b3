"""Words of figures: number words, vague amounts, bounds, currencies, units, and the predicates
news figures belong to.

Kept apart from the scanner (``find.py``) so that adding a spelling is a one-line change. Unit
tables are written as ``canonical: spelling | spelling ...``; every spelling is matched
lowercased, plurals included explicitly (they are not regular: "feet", "inches", "lbs").
"""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "nought": 0, "naught": 0,
}  # fmt: skip
#: Multipliers after a number ("two million", "1.8 billion"); "hundred" multiplies what comes
#: before it and is added into larger scales ("three hundred thousand").
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}  # fmt: skip
#: Abbreviated scales written after digits: "1.8m", "$5bn", "500k", "2.3 mln".
SCALE_SUFFIXES = {
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000,
    "mln": 1_000_000, "mil": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
    "bln": 1_000_000_000, "t": 1_000_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000, "tln": 1_000_000_000_000,
}  # fmt: skip
#: Scale abbreviations written apart from the digits ("10 bln", "$5 bn").
SPACED_SCALES = {"mln", "mn", "bn", "bln", "tn", "trn", "tln"}
FRACTIONS = {
    "½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅙": 1 / 6, "⅚": 5 / 6, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5,
}  # fmt: skip
#: Denominators written as words: "two thirds", "a quarter", "three fifths", "a hundredth".
#: "second" is left out: "two seconds" is a time.
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20,
    "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "hundredth": 100,
    "hundredths": 100, "thousandth": 1_000, "thousandths": 1_000, "millionth": 1e6,
    "millionths": 1e6, "billionth": 1e9, "billionths": 1e9, "trillionth": 1e12,
    "trillionths": 1e12,
}  # fmt: skip
#: The last word of a compound denominator after a tens word: "twenty-fifth", "thirty firsts"
#: ("one twenty-fifth" = 1/25). "first" and "second" count only there.
UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
#: Digits after "point" in words: "five point zero three".
DIGIT_WORDS = {
    "zero": "0", "nought": "0", "naught": "0", "oh": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9",
}  # fmt: skip
#: Plural scale words that name an order of magnitude: "hundreds" = 100–999.
VAGUE_PLURALS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999),
    "thousands": (1_000, 9_999), "millions": (1_000_000, 9_999_999),
    "billions": (1_000_000_000, 9_999_999_999),
}  # fmt: skip
#: Vague multipliers before a scale: "several thousand" = 3,000–9,000.
VAGUE_MULTIPLIERS = {
    "several": (3, 9), "a few": (2, 9), "few": (2, 9), "a couple of": (2, 2),
    "a couple": (2, 2), "tens of": (10, 99), "hundreds of": (100, 999), "dozens of": (24, 99),
    "many": (2, 99),
}  # fmt: skip

#: Words before a figure that bound or soften it, longest first when matched.
OPERATORS = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "just over": ">", "well over": ">", "greater than": ">", "larger than": ">",
    "higher than": ">", "exceeding": ">", "beyond": ">", "north of": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "not less than": ">=",
    "a minimum of": ">=", "as many as": "<=", "as much as": "<=", "up to": "<=",
    "at most": "<=", "no more than": "<=", "not more than": "<=", "a maximum of": "<=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<", "just under": "<",
    "smaller than": "<", "lower than": "<",
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "some": "~",
    "an estimated": "~", "estimated": "~", "nearly": "~", "almost": "~", "close to": "~",
    "circa": "~", "approx.": "~", "approx": "~", "around about": "~", "nigh on": "~",
    "or so": "~", "give or take": "~", "an approximate": "~", "as few as": ">=",
    "exceed": ">", "exceeds": ">", "exceeded": ">", "surpass": ">", "surpassed": ">",
    "surpassing": ">", "topping": ">", "equal to": "=", "exactly": "=", ">": ">", "<": "<",
    ">=": ">=", "<=": "<=", "≥": ">=",
    "≤": "<=", "~": "~", "≈": "~",
}  # fmt: skip
# "less than or equal to", "bigger or equal than", "at least or equal to" ...
OPERATORS.update(
    {
        f"{word} {joint} equal {to}": op
        for words, op in (
            (("less", "fewer", "smaller", "lower"), "<="),
            (("more", "greater", "larger", "bigger", "higher"), ">="),
        )
        for word in words
        for joint in ("than or", "or")
        for to in ("to", "than")
    }
)
OPERATORS.update({"at least or equal to": ">=", "at most or equal to": "<="})
#: After a figure: "1,000 or more", "50 and above".
OPERATORS_AFTER = {
    "or more": ">=", "and more": ">=", "or above": ">=", "and above": ">=", "plus": ">=",
    "or over": ">=", "and over": ">=", "or less": "<=", "and less": "<=", "or fewer": "<=",
    "and under": "<=", "or under": "<=", "or so": "~", "or greater": ">=", "or higher": ">=",
    "or larger": ">=", "and greater": ">=", "and higher": ">=", "or greater than": ">=",
    "or lower": "<=", "or smaller": "<=", "or below": "<=",
}  # fmt: skip

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
    "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR",
    "hk$": "HKD", "hkd": "HKD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "c$": "CAD",
    "ca$": "CAD", "cad": "CAD", "s$": "SGD", "sgd": "SGD", "nz$": "NZD", "nzd": "NZD",
    "r$": "BRL", "brl": "BRL", "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB",
    "₺": "TRY", "try": "TRY", "₦": "NGN", "ngn": "NGN", "chf": "CHF", "cny": "CNY",
    "rmb": "CNY", "yuan": "CNY", "₱": "PHP", "php": "PHP", "₪": "ILS", "ils": "ILS",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "zar": "ZAR", "mxn": "MXN", "pkr": "PKR",
    "aed": "AED", "sar": "SAR", "tl": "TRY", "nt$": "TWD", "twd": "TWD", "元": "CNY",
    "mxn$": "MXN", "mex$": "MXN", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD", "sgd$": "SGD",
    "hkd$": "HKD", "usd$": "USD",
    "₿": "BTC", "btc": "BTC", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₴": "UAH", "฿": "THB",
}  # fmt: skip
#: Signs that may follow the amount ("10 €", "100元").
CURRENCY_SIGNS_AFTER = {
    "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₦", "₱", "₪", "元", "₿", "₡", "₾", "₭",
}  # fmt: skip
#: Codes written as words after a figure ("5 USD"): only the unambiguous ones.
CURRENCY_CODES_AFTER = {
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "hkd", "aud", "cad", "sgd", "nzd",
    "chf", "krw", "rub", "brl", "zar", "mxn", "sek", "nok", "dkk", "pkr", "aed", "sar", "twd",
    "btc",
}  # fmt: skip
_CURRENCY_WORDS = """
USD: dollar | dollars | us dollar | us dollars | u.s. dollars | u.s. dollar | american dollars |
    usd | buck | bucks | united states dollars
HKD: hong kong dollar | hong kong dollars
CAD: canadian dollar | canadian dollars
AUD: australian dollar | australian dollars
NZD: new zealand dollar | new zealand dollars
SGD: singapore dollar | singapore dollars
TWD: taiwan dollar | taiwan dollars | new taiwan dollars
EUR: euro | euros
GBP: pound sterling | pounds sterling | sterling | british pounds | british pound | quid
JPY: yen | japanese yen
CNY: yuan | renminbi | chinese yuan
INR: rupee | rupees | indian rupees | indian rupee
PKR: pakistani rupees | pakistani rupee
KRW: won | korean won | south korean won
RUB: rouble | roubles | ruble | rubles
CHF: swiss franc | swiss francs | franc | francs
MXN: mexican peso | mexican pesos | peso | pesos
TRY: lira | turkish lira | liras
SAR: riyal | riyals | saudi riyals
AED: dirham | dirhams
ZAR: rand | south african rand
NGN: naira
ILS: shekel | shekels
THB: baht
MYR: ringgit
IDR: rupiah
BRL: real | reais | brazilian real
PLN: zloty | zlotys
SEK: swedish krona | swedish kronor
NOK: norwegian krone | norwegian kroner
DKK: danish krone | danish kroner
EGP: egyptian pound | egyptian pounds
FIM: finnish markka | markka
ESP: peseta | pesetas
NLG: guilder | guilders | dutch guilders | dutch guilder
DEM: mark | marks
DEM: deutsche mark | deutsche marks | german marks | d-marks
FRF: french franc | french francs
BTC: bitcoin | bitcoins
"""
#: Sub-units: the value is divided by 100 and the currency kept.
SUBUNITS = {"cent": "USD", "cents": "USD", "penny": "GBP", "pence": "GBP", "p": "GBP"}
#: What a sub-unit is worth of its currency.
SUBUNIT_SHARE = {"cent": 0.01, "cents": 0.01, "penny": 0.01, "pence": 0.01, "p": 0.01}
SUBUNITS.update({"dime": "USD", "dimes": "USD", "nickel": "USD", "nickels": "USD"})
SUBUNIT_SHARE.update({"dime": 0.1, "dimes": 0.1, "nickel": 0.05, "nickels": 0.05})

_MEASURE_WORDS = """
m: metre | metres | meter | meters | m
km: kilometre | kilometres | kilometer | kilometers | km | kms | kilo metre
cm: centimetre | centimetres | centimeter | centimeters | cm
mm: millimetre | millimetres | millimeter | millimeters | mm
dm: decimetre | decimetres | decimeter | decimeters | dm
mi: mile | miles | mi
nmi: nautical mile | nautical miles | nm
nm: nanometre | nanometres | nanometer | nanometers
pm: picometre | picometres | picometer | picometers
ft: foot | feet | ft | ft.
in: inch | inches | in. | in
yd: yard | yards | yd | yds
m2: square metre | square metres | square meter | square meters | sq m | m2 | m²
km2: square kilometre | square kilometres | square kilometer | square kilometers | sq km | km2 |
    km² | km^2 | km squared | square km
ft2: square foot | square feet | sq ft | ft2 | ft²
mi2: square mile | square miles | sq mi
acre: acre | acres
ha: hectare | hectares | ha
m3: cubic metre | cubic metres | cubic meter | cubic meters | m3 | m³
km3: cubic kilometre | cubic kilometres | cubic kilometer | cubic kilometers | km3 | km³ |
    km^3 | km cubed
ft3: cubic foot | cubic feet | cu ft
l: litre | litres | liter | liters | l
ml: millilitre | millilitres | milliliter | milliliters | ml
cl: centilitre | centilitres | centiliter | centiliters | cl
gal: gallon | gallons | gal
bbl: barrel | barrels | bbl
bbl/d: barrels per day | barrels a day | barrel per day | bpd | b/d
cup: cup | cups
tbsp: tablespoon | tablespoons | tbsp | tbs
tsp: teaspoon | teaspoons | tsp
pt: pint | pints
qt: quart | quarts
floz: fluid ounce | fluid ounces | fl oz
kg: kilogram | kilograms | kilogramme | kilogrammes | kg | kgs | kilo | kilos
g: gram | grams | gramme | grammes | g
mg: milligram | milligrams | mg
ug: microgram | micrograms | microgramme | microgrammes | μg | µg | mcg
lb: pound | pounds | lb | lbs
oz: ounce | ounces | oz
t: tonne | tonnes | metric ton | metric tons | metric tonne | metric tonnes | t
ton: ton | tons
kt: kiloton | kilotons | kilotonne | kilotonnes
Mt: megaton | megatons | megatonne | megatonnes
km/h: km/hr | kmph | kilometres an hour | kilometers an hour | kilometres per hour |
    kilometers per hour | kilometre per hour | kilometer per hour | km/h | kmh | kph | km per hour
mph: miles per hour | mile per hour | mph | miles an hour | mile an hour
m/s: metres per second | meters per second | m/s
kn: knot | knots
degC: degrees celsius | degree celsius | deg celsius | celsius | degrees centigrade | °c | ºc |
    deg c | deg. c | degrees c | degree c | celcius | degrees celcius | centigrade | ° c |
    ° celsius | centigrate
degF: degrees fahrenheit | degree fahrenheit | deg fahrenheit | fahrenheit | °f | ºf | deg f |
    degrees f | degree f | farenheit | degrees farenheit | ° f | ° fahrenheit
K: kelvin | kelvins
rad: radian | radians | rad
deg: degrees | degree | ° | deg | deg.
year: year | years | yr | yrs
decade: decade | decades
century: century | centuries
month: month | months
week: week | weeks
day: day | days
hour: hour | hours | hr | hrs
minute: minute | minutes | min | mins
second: second | seconds | sec | secs
ms: millisecond | milliseconds | ms | msec
bit: bit | bits
kbit: kilobit | kilobits | kbps
Mbit: megabit | megabits | mbps
Gbit: gigabit | gigabits | gbps
B: byte | bytes
KB: kilobyte | kilobytes | kb
MB: megabyte | megabytes | mb
GB: gigabyte | gigabytes | gb
TB: terabyte | terabytes | tb
PB: petabyte | petabytes | pb
EB: exabyte | exabytes | eb
W: watt | watts | w
kW: kilowatt | kilowatts | kw
MW: megawatt | megawatts | mw
GW: gigawatt | gigawatts | gw
Wh: watt hour | watt hours | watt-hour | watt-hours | wh
kWh: kilowatt hour | kilowatt hours | kilowatt-hour | kilowatt-hours | kwh
MWh: megawatt hour | megawatt hours | megawatt-hour | megawatt-hours | mwh
GWh: gigawatt hour | gigawatt hours | gigawatt-hour | gigawatt-hours | gwh
TWh: terawatt hour | terawatt hours | terawatt-hour | terawatt-hours | twh
V: volt | volts | v
Hz: hertz | hz
kHz: kilohertz | khz
MHz: megahertz | mhz
GHz: gigahertz | ghz
eV: electronvolt | electronvolts | electron volt | electron volts | ev
keV: kiloelectronvolt | kiloelectronvolts | kev
MeV: megaelectronvolt | megaelectronvolts | mev
GeV: gigaelectronvolt | gigaelectronvolts | gev
TeV: teraelectronvolt | teraelectronvolts | tev
Btu: british thermal unit | british thermal units | btu | btus
Gy: gy
mGy: milligray | milligrays | mgy
Sv: sievert | sieverts | sv
mSv: millisievert | millisieverts | msv
uSv: microsievert | microsieverts | µsv | μsv
"""


def _table(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    # An indented line continues the one before it.
    for line in text.strip().replace("|\n    ", "| ").splitlines():
        canonical, spellings = line.split(":", 1)
        for spelling in spellings.split("|"):
            table.setdefault(spelling.strip(), canonical.strip())
    return table


CURRENCY_WORDS = _table(_CURRENCY_WORDS)
MEASURES = _table(_MEASURE_WORDS)
#: Unit spellings that are also common words or letters: a unit only when glued to the digits
#: ("75ml", "200lbs", "3in") or, for those in ``NEEDS_SHAPE``, before a word of dimension.
SHORT_UNITS = {
    "m", "g", "l", "t", "c", "f", "p", "in", "in.", "v", "w", "b", "mi", "min", "sec", "ha",
    "nm", "yr", "hr", "°", "kb", "mb", "gb", "tb", "kw", "mw", "gw", "hz", "kn", "ms",
    "rad", "msec",
}  # fmt: skip
#: A unit of time as the second half of a rate: "km/h", "t/yr".
RATE_TIMES = {
    "second": "s", "ms": "ms", "minute": "min", "hour": "h", "day": "d", "week": "wk",
    "month": "mo", "year": "yr",
}  # fmt: skip
#: What a price is per, besides units: "12 cents a share", "$40 a head".
PER_NOUNS = {
    "share": "share", "person": "person", "head": "person", "capita": "person",
    "passenger": "passenger", "ticket": "ticket", "unit": "unit", "night": "night",
}  # fmt: skip
#: Units of time written as symbols only after a slash: "km/s", "l/h".
RATE_SYMBOLS = {"s": "s", "h": "h", "ms": "ms", "min": "min", "d": "d", "yr": "yr"}
#: Marks glued to digits for inches and feet: 9", 6'2".
INCH_MARKS = {'"', "″"}  # not ”, which closes quotations
FOOT_MARKS = {"'", "′", "’"}
#: Words naming a length, which make a short "in" at the end of a sentence inches.
LENGTH_WORD = re.compile(r"\b(?:length|long|size|width|wide|height|tall|thick|diameter)\b")
#: Words after a unit that make an ambiguous one sure: "2 1/2 in thick", "2m tall".
DIMENSION_WORDS = {
    "thick", "long", "wide", "tall", "high", "deep", "across", "away", "apart",
    "in", "of", "from", "above", "below", "under", "underground", "diameter", "radius",
}  # fmt: skip
KIND_OF_UNIT = {
    "degC": "temperature", "degF": "temperature", "K": "temperature", "deg": "temperature",
    "year": "duration", "decade": "duration", "century": "duration", "month": "duration",
    "week": "duration", "day": "duration",
    "hour": "duration", "minute": "duration", "second": "duration", "ms": "duration",
}  # fmt: skip

#: Words after which a number is a name or a label, not a figure: "Article 23", "No. 10".
IDENTIFIER_WORDS = {
    "no", "no.", "nos", "number", "article", "articles", "section", "chapter", "page", "pages",
    "room", "flight", "route", "highway", "resolution", "phase", "level", "grade", "version",
    "model", "channel", "gate", "platform", "row", "seat", "bus", "paragraph", "clause",
    "item", "rule", "amendment", "appendix", "figure", "fig", "fig.", "table", "part",
    "volume", "vol", "vol.", "issue", "episode", "season", "track", "stage", "district",
    "precinct", "ward", "unit", "apartment", "suite", "floor", "block", "lot", "p.", "pp.",
    "ch.", "sec.", "art.", "para", "id", "code", "tel", "tel.", "phone", "fax", "box", "zone",
    "covid", "mh", "top", "ps", "windows", "iphone", "week", "act",
}  # fmt: skip
#: Names a whole number completes ("Boeing 787", "iOS 5", "Local 1520", "FTSE 100"); not a
#: change written after them ("the Dax 2.8%").
NAME_LABELS = {
    "boeing", "airbus", "ios", "macos", "android", "local", "ftse", "nikkei", "dax", "cac",
    "apollo", "interstate", "xbox", "galaxy", "pixel", "fortune",
}  # fmt: skip

#: Capitalised words after a number that do not make it a name ("500 Americans" is plural
#: anyway; these are singular or months): "300 Police", "150 Army".
NOT_MODEL_WORDS = {
    "police", "army", "navy", "staff", "people", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "and",
    "or", "but", "the", "a", "in", "on", "at", "to", "of", "for", "from", "with", "by",
    "should", "would", "will", "can", "could", "must", "might", "is", "was", "are", "were",
    "has", "have", "had", "this", "that", "it", "he", "she", "they", "we", "i",
}  # fmt: skip
#: What follows "the 787" when the number names a thing rather than counts one.
AFTER_A_NAME = {
    ".", ",", ";", ":", "!", "?", ")", "will", "would", "is", "was", "has", "had", "can",
    "could", "'s", "’s",
}  # fmt: skip
#: Words before a number that may name a model: "the 787 Dreamliner", "its new 737 Max".
MODEL_LEADS = {"the", "a", "an", "its", "their", "his", "her", "our", "new", "first", "latest"}
#: Pronoun-like uses of "one" that count nothing: "one of the", "no one", "one another".
ONE_AFTER = {
    "of", "another", "day", "time", "by", "who", "which", "that", "thing", "way", "side",
    "hand", "point", "or", "'s", "’s", "more", "last", "such", "said", "must", "can",
}  # fmt: skip
ONE_BEFORE = {
    "no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone",
    "everyone", "little", "only", "such", "another", "last", "big",
}  # fmt: skip

#: Words that stop the phrase naming what a figure counts.
COUNTED_STOP = set(
    """
a an the this that these those his her its their our your my some any all each every no
of in on at by for from to with without into onto over under between among against about
before after since until during across through throughout toward towards via around near
behind beyond within upon along amid despite
and or but nor so yet as than then also too very just only even still already
is are was were be been being am has have had having do does did will would shall should
can could may might must ought not n't
who whom whose which what where when why how whether while if because although though
he she it they we you i me him us them one ones per
said says say told according including includes included like such
now today yesterday tomorrow ago alone apiece overall instead again altogether next
january february march april june july august september october november december
""".split()
)
#: Nouns of people: a figure counting any of these, or a capitalised group name (Muslims,
#: Uyghurs, Americans), counts people, whatever the outlet calls them.
PEOPLE = set(
    """
people persons person individuals residents citizens civilians inhabitants villagers
minorities muslims christians jews men women children kids boys girls adults students
workers employees staff members detainees prisoners inmates refugees migrants asylum-seekers
protesters demonstrators activists voters soldiers troops fighters militants police officers
officials journalists reporters doctors nurses patients survivors victims casualties dead
families relatives passengers tourists visitors fans supporters opponents critics delegates
lawmakers legislators senators immigrants hostages captives deaths lives souls pilgrims
worshippers teenagers youths elderly farmers miners believers followers
""".split()
)

#: Predicates of news figures, by group: any form listed counts for the group. A figure's
#: quantity is keyed by its group, so "detained" / "detention" / "incarcerated" / "rounded up"
#: are one quantity when they count the same people.
_PREDICATES = """
detain: detain | detains | detained | detaining | detention | detentions | detainee | detainees |
    incarcerate | incarcerated | incarcerating | incarceration | imprison | imprisoned |
    imprisoning | imprisonment | intern | interned | internment | jailed | jailing | jail |
    rounded up | round up | rounding up | locked up | lock up | held in | holding | camps | camp
arrest: arrest | arrests | arrested | arresting
kill: kill | kills | killed | killing | killings | dead | died | die | dies | death | deaths |
    death toll | lives | fatalities | perished | massacred | slain
injure: injure | injured | injuring | injuries | wounded | wounding | hurt
displace: displace | displaced | fled | flee | fleeing | evacuate | evacuated | evacuation |
    homeless | refugees | uprooted
missing: missing | disappeared | unaccounted
sanction: sanction | sanctions | sanctioned | sanctioning | blacklist | blacklisted |
    blacklisting | entity list | visa restrictions | restrictions | banned | ban
support: support | supported | supporting | supports | backed | backing | back | endorse |
    endorsed | approval | approve | approved | signed | signing | in favour | in favor |
    commending | defended | defending
oppose: oppose | opposed | opposing | opposes | condemn | condemned | condemning | criticised |
    criticized | rejected | objected
protest: protest | protests | protested | protesting | protesters | demonstrators | demonstrated |
    rallied | marched
vote: vote | votes | voted | voting | ballots
infect: infected | infections | cases | tested positive
spend: spend | spent | spending | cost | costs | costing | budget | funding | funded | invest |
    invested | investment | pledged | pledge | aid | paid | pay | raised | fine | fined |
    damages | worth | valued | revenue | sales | profit | loss | losses
employ: employ | employs | employed | jobs | workforce | hired | laid off | layoffs | fired
"""
PREDICATES = _table(_PREDICATES)
PREDICATE_MAX_WORDS = max(len(p.split()) for p in PREDICATES)


#: Words and signs a figure can start with (besides digits): the scanner tries no other token.
STARTS = frozenset(
    {phrase.split()[0] for phrase in OPERATORS}
    | {phrase.split()[0] for phrase in VAGUE_MULTIPLIERS}
    | set(UNITS_WORDS)
    | set(SCALES)
    | set(VAGUE_PLURALS)
    | set(FRACTIONS)
    | {key for key in CURRENCY_SYMBOLS if not key.endswith("$") or key == "$"}
    | {"a", "an", "half", "quarter", "between", "from", "minus", "negative", "tens", "-", "−"}
    | {"us", "hk", "a", "au", "c", "ca", "s", "nz", "r", "nt", "mxn", "mex", "aud", "cad"}
    | {"nzd", "sgd", "hkd", "usd"}
)
#: Of those, the ones that are numbers themselves ("two", "hundreds", "½").
NUMBER_STARTS = frozenset(set(UNITS_WORDS) | set(SCALES) | set(VAGUE_PLURALS) | set(FRACTIONS))
#: Words after a leading word that may still make a figure: "a dozen", "a third", "a mile",
#: "an estimated", "one in", "more than".
FOLLOWERS = frozenset(
    {"dozen", "few", "couple", "number", "minimum", "maximum", "estimated", "approximate"}
    | set(DENOMINATORS)
    | set(MEASURES)
    | set(CURRENCY_WORDS)
    | set(SUBUNITS)
    | {" ".join(phrase.split()[1:2]) for phrase in OPERATORS if " " in phrase}
    | {"$", "in", "out", "over", "and", "-", "of", "a", "an", "or", "="}
)
