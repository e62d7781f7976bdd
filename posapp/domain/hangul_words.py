"""Where the words of product names start, for the Hangul search index (posapp.domain.hangul):
:data:`WORD_MARK` before the start of every word after a name's first — a word being a run of
letters and digits, after a space or punctuation (사과(벌크): 사과, 벌크) — put in by a few C
passes over all names at once, never a loop per name.
"""

from __future__ import annotations

import re

#: marks the start of a word after the name's first one (a name never holds it: removed first)
WORD_MARK = "\x01"
#: whitespace other than a space (a name is kept on one line)
LINE_SPACE = re.compile(r"[^\S ]")
# punctuation before a word: the word's start is marked after it
_AFTER_PUNCTUATION = re.compile(r"(?:[^\w\s\x01]|_)(?=[^\W_])")
# a mark not before a letter or digit (a space before punctuation, at a name's end, doubled)
_DEAD_MARK = re.compile("\x01(?![^\\W_])")


def mark_words(spaced: str) -> str:
    """``"\\n"``-joined names with their spaces → the same without spaces and with
    :data:`WORD_MARK` before the start of every later word. A name's own start is not marked:
    the index finds it on the names themselves (running on over spaces), so each match is
    found in one place only."""
    text = spaced.replace(" ", WORD_MARK)
    if _AFTER_PUNCTUATION.search(text):
        text = _AFTER_PUNCTUATION.sub(lambda m: m.group(0) + WORD_MARK, text)
    return _DEAD_MARK.sub("", text)
