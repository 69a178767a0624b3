"""Bytes to text for inputs of unknown encoding."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import InputError


def decode_text(data: bytes) -> str:
    """Decode ``data``: UTF-8 (with or without BOM) first, then detection.

    Undecodable input raises ``InputError('decode', ...)`` rather than producing mojibake.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detected(data)
    return normalise_newlines(text.lstrip("\ufeff"))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Tie-breaks among equally plausible legacy encodings: Western European web pages first.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detected(data: bytes) -> str:
    results = list(from_bytes(data))
    if not results:
        raise InputError("decode", "could not detect the text encoding; re-save the file as UTF-8")
    best = results[0]
    # charset-normalizer often scores cp1250/cp1252/cp1257 the same for Latin-1 text, and then
    # picks the first; "Inès" would become "Inčs". Prefer the far more common Western code page.
    tied = {
        r.encoding: r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)
    }
    for encoding in _PREFERRED:
        if encoding in tied:
            return str(tied[encoding])
    return str(best)
