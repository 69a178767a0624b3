"""Reading one number from the tokens: digits, number words, fractions, vague amounts.

``NumberReader.number(i)`` reads the number that starts at token ``i`` and says where it
ends: digits with their separators, fractions and scales ("2 1/2", "1.8m", "$5bn", "1.3e6",
"3 hundred and 21"), number words ("two million", "one hundred and twenty-five", "half a
million", "two thirds", "three and a quarter", "five point five"), ratios ("one in five"),
and vague amounts ("hundreds of thousands" = 100,000–999,999; "several thousand").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .tokens import DASHES, Tokens, number_text

_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "a", "p"}
#: Fractions written with a slash as news writes them ("1/2", "3/4"), not "9/11" or "24/7".
_DENOMINATORS = {2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 16.0}
#: Spellings of "dozen" after a number, in digits or words ("5 dz", "five dozs").
_DOZENS = {"dozen", "dozens", "dz", "dzs", "doz", "dozs"}
_BEFORE_HALF = {"than", "over", "about", "nearly", "almost", "roughly", "around", "least", "some"}
# "1.3x10^6", "2.48×10−5": a power of ten after the digits.
_POWER = re.compile(r"[x×*]10\^?([-−+]?\d{1,3})")
#: "1.1^23", "2.5^-1": the number raised to a power (signs before the exponent multiply).
_EXPONENT = re.compile(r"\^([-−+]*)(\d{1,3})(?![\d.])")


@dataclass
class Number:
    low: float
    high: float  # == low for an exact number
    end: int  # token index after the number
    scaled: bool  # carries its own scale ("2 million"), shared by a range's first half
    vague: bool = False
    ratio: bool = False  # "one in five": a share, not a count


@dataclass
class _Words:
    """Where reading number words has got to: the sum so far, the word at ``j``."""

    j: int
    total: float = 0.0
    current: float = 0.0
    last: str = ""  # what the previous word was: unit, tens, hundred, scale, a, fraction
    last_scale: float = 1.0
    group: float = 0.0  # what the last scale added to ``total`` ("three lakh" of "lakh crore")
    after_and: bool = False  # the word at ``j`` follows "and" ("one hundred and thirty")


class NumberReader(Tokens):
    def number(
        self, i: int, money: bool, *, second: bool = False, negative: bool = False
    ) -> Number | None:
        """The number starting at token ``i``; ``money``: a currency sign came first (so
        "m" is a million); ``second``: the second half of a range; ``negative``: a minus
        came first (so a lone "one" counts)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        number: Number | None = None
        if tok.kind == "num":
            number = self.digits(i, money, second=second)
        elif tok.kind == "sym" and tok.text in lx.FRACTIONS:
            share = lx.FRACTIONS[tok.text]
            number = self.scaled(Number(share, share, i + 1, False))
        elif tok.kind == "word":
            number = self.hyphenated_half(i) or self.vague(i) or self.words(i, negative=negative)
        if number is None or number.vague or second:
            return number
        return self.digits_long(number) or self.ratio(number) or number

    def digits_long(self, number: Number) -> Number | None:
        """ "a six-figure salary": an amount of that many digits ("a 12-digit number" is an
        identifier, not an amount)."""
        j = number.end
        n = number.low
        if not (number.low == number.high and 2 <= n <= 15 and n == int(n)):
            return None
        if self.low(j) != "-" or self.low(j + 1) != "figure":
            return None
        return Number(10 ** (n - 1), 10**n - 1, j + 2, True, vague=True)

    # --- digits ----------------------------------------------------------------------------

    def digits(self, i: int, money: bool, *, second: bool = False) -> Number | None:
        toks = self.toks
        tok = toks[i]
        if not self.plain_number(i, money, second=second):
            return None
        value = number_text(tok.text)
        j = i + 1
        if self.glued(j):
            nxt = toks[j]
            if nxt.text == ":" and self.kind(j + 1) == "num":
                return None  # a clock time, or a verse: 18:00, 3:16
            if nxt.text == "/" and self.kind(j + 1) == "num":
                return self.slash_fraction(i)
            if nxt.kind == "word" and nxt.lower in _ORDINAL_SUFFIXES:
                return None
            if nxt.kind == "sym" and nxt.text in lx.FRACTIONS:
                value += lx.FRACTIONS[nxt.text]
                j += 1
            power = _POWER.match(self.text, toks[i].end)
            if power is not None and power.start() == toks[j].start:
                value *= 10.0 ** int(power.group(1).replace("−", "-"))
                while j < len(toks) and toks[j].start < power.end():
                    j += 1
            exponent = _EXPONENT.match(self.text, toks[j].start) if j < len(toks) else None
            if exponent is not None and value > 0:
                minus = exponent.group(1).count("-") + exponent.group(1).count("−")
                try:
                    value **= int(exponent.group(2)) * (-1 if minus % 2 else 1)
                except OverflowError:
                    return None
                while j < len(toks) and toks[j].start < exponent.end():
                    j += 1
        if self.low(j) in ("am", "pm") or self.text.startswith(("a.m.", "p.m."), self.end_of(j)):
            return None  # "2.13 am": a clock time
        # A fraction after a whole number: "2 1/2".
        if (
            self.kind(j) == "num"
            and self.low(j + 1) == "/"
            and self.glued(j + 1)
            and self.glued(j + 2)
            and self.kind(j + 2) == "num"
            and "." not in tok.text
        ):
            numerator, denominator = number_text(toks[j].text), number_text(toks[j + 2].text)
            if 0 < numerator < denominator:
                value += numerator / denominator
                j += 3
        return self.scaled(Number(value, value, j, False), money=money, digits=True)

    def end_of(self, j: int) -> int:
        """Where token ``j`` starts (the end of the text past the last token)."""
        return self.toks[j].start if j < len(self.toks) else len(self.text)

    def plain_number(self, i: int, money: bool, *, second: bool) -> bool:
        """Not a label, a code or part of one: "G7", "COVID-19", "800-273-8255", a tweet id."""
        toks = self.toks
        tok = toks[i]
        if self.glued(i) and toks[i - 1].kind == "word":
            # "USD115" is money; "G7", "F16", "J1149" are names.
            return money and toks[i - 1].lower in lx.CURRENCY_SYMBOLS
        dashed = self.glued(i) and toks[i - 1].text in DASHES and self.glued(i - 1)
        if dashed and toks[i - 2].kind == "num" and not second:
            return False  # the second half of a score or a code: "80-19", "800-273-8255"
        scale_before = (  # "5k-20k": a range of scaled digits
            second and toks[i - 2].lower in lx.SCALE_SUFFIXES and self.glued(i - 2)
        )
        if dashed and toks[i - 2].kind == "word" and toks[i - 2].lower not in lx.OPERATORS:
            return scale_before
        if "," not in tok.text and " " not in tok.text and len(tok.text.split(".")[0]) > 12:
            return False  # an identifier or a timestamp, not an amount
        if (
            self.low(i + 1) in DASHES
            and self.glued(i + 1)
            and self.glued(i + 2)
            and self.low(i + 3) in DASHES
            and self.glued(i + 3)
        ):
            return False  # a telephone number or a code: 800-273-8255
        code = (
            self.glued(i + 1)
            and self.kind(i + 1) == "word"
            and self.glued(i + 2)
            and self.kind(i + 2) == "num"
            and not _POWER.match(self.text, tok.end)
        )
        area = code and self.toks[i + 2].text in ("2", "3") and not self.glued(i + 3)
        if code and not area:
            return False  # "24703L202", "06F6": a code; "24703m2" is an area
        return not (self.glued(i) and toks[i - 1].text in ("#", "/", ":", ".", "+", "^"))

    def slash_fraction(self, i: int) -> Number | None:
        toks = self.toks
        j = i + 1
        value, denominator = number_text(toks[i].text), number_text(toks[j + 1].text)
        alone = not (self.glued(j + 2) and self.kind(j + 2) == "num")  # not 11/26/2019
        whole = "." not in toks[i].text and "." not in toks[j + 1].text
        common = denominator in _DENOMINATORS or (value == 1 and 2 <= denominator <= 100)
        if alone and whole and common and value < denominator:
            value /= denominator
            return Number(value, value, j + 2, False)
        return None

    def scaled(self, number: Number, *, money: bool = False, digits: bool = False) -> Number:
        """``number`` times the scales after it: glued ("1.8m", "500k"), as words ("2
        million", "3 hundred thousand", "3 dozens"), then the smaller number that completes
        it ("3 hundred and 21", "4 thousand 3 hundred")."""
        toks = self.toks
        j = number.end
        value = number.low
        smallest = 0.0
        if 0 < value < 1 and self.low(j) == "of" and self.low(j + 1) in ("a", "an"):
            of_scale = lx.SCALES.get(self.low(j + 2))
            if of_scale is not None and of_scale >= 1000:  # "three fifths of a million"
                value *= of_scale
                smallest = float(of_scale)
                j += 3
        if digits and self.glued(j) and self.kind(j) == "word":
            suffix = toks[j].text
            if suffix.lower() in lx.SCALE_SUFFIXES and self.scale_suffix(j, suffix, money, value):
                value *= lx.SCALE_SUFFIXES[suffix.lower()]
                smallest = lx.SCALE_SUFFIXES[suffix.lower()]
                j += 1
        while self.kind(j) == "word":
            word = self.low(j)
            if word in lx.SCALES:
                scale = float(lx.SCALES[word])
            elif (digits and word in lx.SPACED_SCALES) or (word == "m" and money):
                scale = float(lx.SCALE_SUFFIXES[word])
            elif word in _DOZENS:
                scale = 12.0
            else:
                break
            value *= scale
            smallest = scale
            j += 1
        fraction = self.fraction_at(j + 1) if smallest and self.low(j) == "and" else None
        if fraction is not None:  # "3 million and a half"
            value += fraction[0] * smallest
            j = fraction[1]
        elif smallest >= 100 and digits and number.low.is_integer():
            # "3 hundred and 21", "4 thousand 3 hundred", "6 crore and two hundred": a
            # smaller number completes it; never a decimal, which is whole already ("$65.4
            # billion and 0.7 million tonnes" are two figures).
            k = j + 1 if self.low(j) == "and" else j
            rest = None
            if self.kind(k) == "num" and not self.glued(k) and "." not in toks[k].text:
                rest = self.digits(k, money)
            elif self.kind(k) == "word" and _small_number(self.low(k)) is not None:
                rest = self.words(k)
            if rest is not None and 0 < rest.low < smallest and not rest.ratio:
                value += rest.low
                j = rest.end
        if smallest:
            return Number(value, value, j, True)
        return number

    def scale_suffix(self, j: int, suffix: str, money: bool, value: float) -> bool:
        """Is the letter after the digits a scale ("1.8m people", "10M", "$5bn", "500k")
        rather than a unit ("a 2m wall", "100m in 9.58 seconds", "100t")?"""
        lowered = suffix.lower()
        if money or suffix in ("M", "MM", "bn", "mn", "mln", "mil", "bln", "tn", "tln", "trn"):
            return True
        if lowered in ("k", "b"):
            # "500k", "1.2b"; not "1500b packets" (bits), not "10k9" (a code)
            return value < 1000 and not (self.glued(j + 1) and self.kind(j + 1) in ("word", "num"))
        if lowered != "m":
            return False
        after = self.low(j + 1)
        if not after or self.kind(j + 1) != "word":
            return False
        return after not in lx.DIMENSION_WORDS and after not in ("and", "or", "to")

    # --- words -----------------------------------------------------------------------------

    def vague(self, i: int) -> Number | None:
        """Vague amounts: "hundreds of thousands", "tens of millions", "thousands",
        "several hundred", "a few thousand", "dozens"."""
        word = self.low(i)
        nxt, after = self.low(i + 1), self.low(i + 2)
        if word in ("tens", "hundreds", "dozens") and nxt == "of" and after in lx.VAGUE_PLURALS:
            mult = lx.VAGUE_MULTIPLIERS[word + " of"]
            order = lx.VAGUE_PLURALS[after][0]
            return Number(mult[0] * order, (mult[1] + 1) * order - 1, i + 3, True, True)
        if word in lx.VAGUE_PLURALS:
            if self.toks[i].text[:1].isupper() and i > 0 and not self.sentence_start(i):
                return None  # "the Thousands" in a name
            if word == "scores" and nxt != "of":
                return None  # "he scores": a verb
            low, high = lx.VAGUE_PLURALS[word]
            return Number(low, high, i + 1, True, True)
        for phrase in ("a couple of", "a couple", "a few", "several", "few", "many"):
            words = phrase.split()
            if [self.low(i + k) for k in range(len(words))] == words:
                j = i + len(words)
                scale = 1.0
                k = j
                while self.low(k) in lx.SCALES or self.low(k) == "dozen":
                    scale *= lx.SCALES.get(self.low(k), 12)
                    k += 1
                if k == j:
                    return None  # "several people": no number
                mult = lx.VAGUE_MULTIPLIERS[phrase]
                return Number(mult[0] * scale, mult[1] * scale, k, True, True)
        return None

    def words(self, i: int, *, negative: bool = False) -> Number | None:
        """Number words: "two million", "twenty-five", "one hundred and twenty", "a dozen",
        "one and a half million", "half a million", "two thirds", "five point five"."""
        state = _Words(i)
        while self.word_step(state) or self.joined_step(state):
            pass
        j, last = state.j, state.last
        if last == "a" or j == i:
            fraction = self.fraction_at(i)
            if fraction is None:
                return self.half(i) or self.one_unit(i)
            end = fraction[1]
            hyphenated = self.low(end) in DASHES and self.glued(end)
            of_scale = _OF_A_SCALE.fullmatch(self.low(end + 1)) if hyphenated else None
            if of_scale is not None:  # "a quarter-of-a-million people"
                value = fraction[0] * lx.SCALES[of_scale[1]]
                return Number(value, value, end + 2, True)
            if self.compound_word(end):
                return None  # "a half-frozen snake", "a quarter-final": part of a word
            if hyphenated and self.low(end + 1) in lx.SCALES:
                end += 1  # "a half-billion dollars": the scale after the hyphen
            return self.scaled(Number(fraction[0], fraction[0], end, False))
        value = state.total + state.current
        if j == i + 1 and self.low(i) == "one" and not (negative or self.counts_one(i)):
            return None
        if last == "fraction":
            return self.scaled(Number(value, value, j, False))
        scaled = last == "scale" or any(self.low(k) in lx.SCALES for k in range(i, j))
        return Number(value, value, j, scaled)

    def word_step(self, state: _Words) -> bool:
        """Read one plain number word into ``state``; False when the word is not one."""
        j, last = state.j, state.last
        after_and, state.after_and = state.after_and, False
        if self.low(j) in DASHES and (self.glued(j) or last in ("unit", "tens")):
            small = _small_number(self.low(j + 1))
            ordinal = last == "tens" and self.low(j + 1) in lx.UNIT_ORDINALS
            if self.low(j + 1) in lx.DENOMINATORS and not ordinal:
                state.j += 1  # "one-third", "two-thirds", "five - eighths"; not "twenty-fifth"
                return True
            if last == "tens" and not self.glued(j) and small and small[0] < 10:
                state.current += small[0]  # "fifty - two", written with spaces
                state.j, state.last = j + 2, "unit"
                return True
        word = self.low(j) if self.kind(j) == "word" else ""
        small = _small_number(word) if word else None
        compound = self.compound_denominator(j) if last and not after_and else None
        if compound is not None and last in ("unit", "tens", "hundred", "scale"):
            # "one twenty-fifth", "one hundred thirty fifths" (100/35); after "and" the tens
            # word is the numerator's: "one hundred and forty fifths" = 140/5.
            state.current = (state.total + state.current) / compound[0]
            state.total = 0.0
            state.j, state.last = compound[1], "fraction"
            return True
        if small is not None:
            if last == "unit" or (last == "tens" and small[0] >= 10):
                return False  # "five six", "twenty thirty": two numbers
            if small[1] and self.low(j + 1) in DASHES and self.low(j + 2) in lx.UNIT_ORDINALS:
                return False  # "twenty-first", "twenty-fifth": an ordinal
            state.current += small[0]
            state.last = "tens" if small[1] else "unit"
        elif word in ("a", "an") and not last and self.low(j + 1) in {*lx.SCALES, "dozen"}:
            state.current += 1
            state.last = "a"
        elif word == "hundred" and last in ("", "unit", "tens", "a", "scale"):
            state.current = (state.current or 1) * 100
            state.last = "hundred"
        elif word in lx.SCALES and word != "hundred" and last == "scale" and not state.current:
            scale = float(lx.SCALES[word])
            if scale <= state.last_scale:
                return False  # "a million thousand": not one number
            # "three lakh crore", "a thousand million": the scale multiplies the last group
            state.total += state.group * (scale - 1)
            state.group *= scale
            state.last_scale = scale
        elif word in lx.SCALES and word != "hundred" and last:
            state.last_scale = float(lx.SCALES[word])
            state.group = (state.current or 1) * state.last_scale
            state.total += state.group
            state.current = 0.0
            state.last = "scale"
        elif word in _DOZENS and last in ("a", "unit", "tens") and state.current < 100:
            state.current = (state.current or 1) * 12
            state.last = "hundred"
        elif word in lx.DENOMINATORS and last in ("unit", "tens", "hundred", "scale"):
            # "two hundred three fifths" = 203/5; "a hundred thousand trillionths" = 1e-7
            state.current = ((state.total + state.current) or 1) / lx.DENOMINATORS[word]
            state.total = 0.0
            state.last = "fraction"
        else:
            return False
        state.j += 1
        return True

    def joined_step(self, state: _Words) -> bool:
        """Read a phrase that joins number words: "and a half", "and twenty", "half a
        million", "point five"; False when there is none."""
        j, last, word = state.j, state.last, self.low(state.j)
        if word == "and" and last:
            fraction = self.fraction_at(j + 1)
            if fraction is not None and last in ("hundred", "scale") and self.whole_after(j + 1):
                fraction = None
            if fraction is not None and last == "scale" and self.low(fraction[1]) in lx.SCALES:
                # "one billion and a half million": the fraction is of the scale after it
                state.total += fraction[0] * lx.SCALES[self.low(fraction[1])]
                state.j, state.last = fraction[1] + 1, "scale"
                return True
            if fraction is not None:  # "three and a half", "3 million and a quarter"
                state.current += fraction[0] * (state.last_scale if last == "scale" else 1)
                state.j, state.last = fraction[1], "unit"
                return True
            small = _small_number(self.low(j + 1))
            if small is not None and (
                last in ("hundred", "scale") or (last == "tens" and small[0] < 10)
            ):
                state.j += 1  # "one hundred and five", "twenty and three"
                state.after_and = True
                return True
        elif word in ("half", "quarter") and not last:
            # "half a million", "a quarter million", "half a dozen", "half million"
            k = j + 1 + (self.low(j + 1) in ("a", "an"))
            scale = lx.SCALES.get(self.low(k)) or (12 if self.low(k) == "dozen" else None)
            if scale:
                state.total += (0.5 if word == "half" else 0.25) * scale
                state.j, state.last = k + 1, "scale"
                return True
        elif word == "point" and last in ("unit", "tens", "hundred", "scale"):
            decimals = self.point_decimals(j + 1)
            if decimals is not None:
                state.current += decimals[0]
                state.j, state.last = decimals[1], "point"
                return True
        return False

    def whole_after(self, i: int) -> bool:
        """After "one hundred and": does the tens word at ``i`` continue the whole number
        ("one hundred and forty fifths" = 140/5) rather than start a fraction ("two hundred
        and three quarters" = 200 3/4, "three hundred and sixty-two hundredths" = 300.62)?"""
        small = _small_number(self.low(i))
        denominator = lx.DENOMINATORS.get(self.low(i + 1), 0)
        return small is not None and small[0] >= 10 and 0 < denominator < 100

    def compound_word(self, j: int) -> bool:
        """Does a hyphen at ``j`` glue on a word that is no unit ("half-frozen", not
        "half-hour")?"""
        return (
            self.low(j) in DASHES
            and self.glued(j)
            and self.glued(j + 1)
            and self.kind(j + 1) == "word"
            and self.low(j + 1) not in lx.MEASURES
            and self.low(j + 1) not in lx.SCALES  # "a half-billion dollars"
        )

    def fraction_at(self, i: int) -> tuple[float, int] | None:
        """ "a half", "a quarter", "one fourth", "three fifths", "two-thirds": (value, end)."""
        word = self.low(i)
        numerator = 1.0 if word in ("a", "an") else None
        small = _small_number(word)
        if small is not None:
            numerator = small[0]
        if numerator is None:
            return None
        k = i + 1
        if self.low(k) in DASHES and self.glued(k):
            if small is not None and small[1] and self.low(k + 1) in lx.UNIT_ORDINALS:
                return None  # "twenty-fifth": an ordinal, not 20/5
            k += 1
        if self.low(k) in lx.DENOMINATORS:
            return numerator / lx.DENOMINATORS[self.low(k)], k + 1
        compound = self.compound_denominator(i + 1)
        if compound is not None:  # "a twenty-first", "three twenty-firsts"
            return numerator / compound[0], compound[1]
        return None

    def compound_denominator(self, j: int) -> tuple[float, int] | None:
        """ "twenty-fifth", "thirty fifths", "twenty-firsts" at ``j``: (denominator, end).
        A singular one must end the phrase: "a twenty-first century" is no fraction."""
        small = _small_number(self.low(j))
        if small is None or not small[1]:
            return None
        k = j + 1
        if self.low(k) in DASHES and self.glued(k) and self.glued(k + 1):
            k += 1
        word = self.low(k)
        ordinal = lx.UNIT_ORDINALS.get(word[:-1] if word.endswith("s") else word)
        if ordinal is None:
            return None
        if not word.endswith("s") and self.kind(k + 1) == "word" and self.low(k + 1) != "of":
            return None
        return small[0] + ordinal, k + 1

    def point_decimals(self, i: int) -> tuple[float, int] | None:
        """After "point": digits as words ("zero three" = .03) or one number ("seventy-one")."""
        digits = ""
        k = i
        while self.low(k) in lx.DIGIT_WORDS:
            digits += lx.DIGIT_WORDS[self.low(k)]
            k += 1
        if len(digits) > 1 or (digits and _small_number(self.low(k)) is None):
            return float("0." + digits), k
        small = _small_number(self.low(i))
        if small is not None:
            text = str(int(small[0]))
            return float("0." + text), i + 1
        return None

    def hyphenated_half(self, i: int) -> Number | None:
        """ "a half-dozen seats", "half-dozen": six; "half-a-million": 500,000."""
        j = i + (self.low(i) in ("a", "an"))
        if self.low(j) != "half" or self.low(j + 1) != "-":
            return None
        if self.low(j + 2) == "dozen":
            return Number(6.0, 6.0, j + 3, False)
        scale = _A_SCALE.fullmatch(self.low(j + 2))
        if scale is not None:
            value = 0.5 * lx.SCALES[scale[1]]
            return Number(value, value, j + 3, True)
        return None

    def half(self, i: int) -> Number | None:
        """ "half" alone is a share after a bound or before "of": "more than half of"."""
        if self.low(i) != "half":
            return None
        if self.low(i + 1) == "of" or self.low(i - 1) in _BEFORE_HALF:
            return Number(0.5, 0.5, i + 1, False, ratio=True)
        return None

    def one_unit(self, i: int) -> Number | None:
        """ "a gallon", "a penny", "a mile": one of a unit that is not a time."""
        if self.low(i) not in ("a", "an"):
            return None
        after = self.low(i + 1)
        measure = lx.MEASURES.get(after)
        if after in ("ton", "foot", "pound", "yard", "cup", "second", "minute", "bit", *_WORDS_TOO):
            return None  # "a ton of criticism", "a foot soldier", "a pound of flesh", "a bit"
        if not self.toks[i + 1].text.islower():
            return None  # "a Ft. Worth member": a name
        if (measure and lx.KIND_OF_UNIT.get(measure) is None and after not in lx.SHORT_UNITS) or (
            after in lx.CURRENCY_WORDS or after in lx.SUBUNITS
        ):
            return Number(1.0, 1.0, i + 1, False)
        return None

    def counts_one(self, i: int) -> bool:
        """ "one" as a count ("one person", "one in three") rather than a pronoun."""
        before, after = self.low(i - 1), self.low(i + 1)
        unit = lx.MEASURES.get(after)
        idiom = after in ("bit", "bits", "ounce", "inch", "iota")  # "the one bit of good news"
        if (
            unit is not None
            and not idiom
            and after not in lx.SHORT_UNITS
            and unit not in lx.KIND_OF_UNIT
        ):
            return True  # "that one mile", but not "the one day" (some day)
        if before in lx.ONE_BEFORE or after in lx.ONE_AFTER:
            return False
        # Not "the only one.", "one, two"; but "a one-yen bid", "a one-year term".
        dashed = self.low(i + 1) in DASHES and self.glued(i + 1) and self.glued(i + 2)
        return self.kind(i + 1) == "word" or (dashed and self.kind(i + 2) == "word")

    def ratio(self, number: Number) -> Number | None:
        """ "one in five", "2 out of 3", "one over three": the share, as a number."""
        j = number.end
        link = self.low(j)
        if link == "out" and self.low(j + 1) == "of":
            k = j + 2 + (self.low(j + 2) == "every")  # "one out of every 200"
        elif link in ("in", "over"):
            k = j + 1
        else:
            return None
        if number.scaled or number.low != number.high:
            return None
        whole = self.number(k, False, second=True)
        if whole is None or whole.vague or whole.low <= 0 or whole.low != whole.high:
            return None
        if self.year_at(k):
            return None  # "5 in 2019"
        if not number.low < whole.low:
            return None  # "2 over 1", "12 in six boxes": not a share
        after = self.low(whole.end)
        # "in" before a word or number is the preposition: "1 in 10 in 2000", "in the poll"
        inches = after == "in" and self.kind(whole.end + 1) not in ("num", "word")
        if (after in lx.MEASURES and (after != "in" or inches)) or after in lx.CURRENCY_WORDS:
            return None  # "3 in 10 years", "2 over 5 dollars": a number and a measure
        share = number.low / whole.low
        return Number(share, share, whole.end, False, ratio=True)


#: "of-a-million" as the tokenizer leaves it after "a quarter-".
_OF_A_SCALE = re.compile(r"of-an?-(thousand|million|billion|trillion)")
#: "a-million" as the tokenizer leaves it after "half-".
_A_SCALE = re.compile(r"an?-(thousand|million|billion|trillion)")
#: Currencies that are also everyday words: "a real opportunity", "a mark of respect", "won
#: a seat", "a rand" (only with a number do they count: "5 reais", "100 rand").
_WORDS_TOO = ("real", "mark", "won", "rand")


def _small_number(word: str) -> tuple[float, bool] | None:
    """ "seven" -> (7, False), "twenty" -> (20, True: a tens word), "twenty-five" -> (25,
    False); None for anything else."""
    parts = word.split("-")
    if len(parts) > 2 or not all(p in lx.UNITS_WORDS for p in parts):
        return None
    if len(parts) == 2:
        tens, ones = lx.UNITS_WORDS[parts[0]], lx.UNITS_WORDS[parts[1]]
        if not (tens >= 20 and tens % 10 == 0 and 0 < ones < 10):
            return None
        return float(tens + ones), False
    value = lx.UNITS_WORDS[word]
    return float(value), value >= 20 and value % 10 == 0
