"""Page-furniture removal for plain-text dumps of news pages.

>>> from presstrace.clean import clean_plaintext
>>> page = "Advertisement\nThe council approved the budget on Monday after a long debate."
>>> clean_plaintext(page).text
'The council approved the budget on Monday after a long debate.'
"""

from __future__ import annotations

from presstrace.clean.plaintext import clean_plaintext
from presstrace.clean.types import CleanedText, CleanOptions, LineDecision

__all__ = ["CleanOptions", "CleanedText", "LineDecision", "clean_plaintext"]
