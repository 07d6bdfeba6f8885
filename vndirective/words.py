"""Vietnamese word segmentation that keeps document numbers whole, for users' own NLP.

underthesea's CRF segmenter (shipped in its wheel, no download) splits
``127-KL/TW`` into pieces and rewrites text unless told otherwise, so the
numbers found by :mod:`vndirective.numbers` are passed as ``fixed_words`` and
token normalisation is off: the tokens join back into the input.
"""
from __future__ import annotations

from .numbers import find_numbers


def segment_words(text: str) -> list[str]:
    """Words of ``text`` (multi-syllable words joined by a space), document numbers kept as one token."""
    from underthesea import word_tokenize

    fixed = sorted({text[n.start:n.end] for n in find_numbers(text)}, key=len, reverse=True)
    return word_tokenize(text, use_token_normalize=False, fixed_words=fixed)
