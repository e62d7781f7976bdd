"""Hangul search as Korean cashiers expect it: syllables, initial consonants (초성) and mixes.

Owns :func:`initials`, :func:`normalize`, :func:`matches` and the in-memory
:class:`SearchIndex` of the catalogue. ``ㅅㄱ`` finds 사과, ``ㅇㅈㅅㄱ`` finds 영주사과, ``사ㄱ``
finds 사과, and a last syllable still being typed (``삭`` on the way to 사과) finds it too.
Spaces are ignored; English names match case-insensitively; all-digit queries look up barcode
and PLU prefixes.

Results come in two tiers, each ranked shorter names first, then id: a match at the start of
any word of the name (``ㅅㄱ``: 서귀포 …, 충주 사과 …, 영주 부사 사과 …), then a match inside a
word (청송 꿀사과); Korean names before English (words: posapp.domain.hangul_words). At the name's
start a match may run on over spaces (영주사과 in 영주 사과); at a later word's start it stays in
that word (부사사과 in 영주 부사 사과 counts as inside).

The index answers in C: it keeps ``"\\n"``-joined strings of all names in rank order — the
normalised names, and the same with a mark before each word's start — and the initials of each
(same length, offsets aligned), so ``str.find`` / compiled regexes find matches already in rank
order and stop after ``limit``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import TypeVar

from posapp.domain.hangul_words import LINE_SPACE, WORD_MARK, mark_words

_S_BASE = 0xAC00
_S_COUNT = 11172
_V_COUNT = 21
_T_COUNT = 28
_N_COUNT = _V_COUNT * _T_COUNT  # syllables per initial consonant: 588

# The 19 initial consonants and 27 final consonants as Hangul Compatibility Jamo.
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JONGSEONG = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # final index 1..27
_CHOSEONG_INDEX = {c: i for i, c in enumerate(CHOSEONG)}

# A final consonant typed before the next vowel moves to the next syllable (삭 + ㅘ -> 사과);
# of a double final only the second part moves (앉 + ㅏ -> 안자). final -> (final left, moved).
_SPLIT_FINAL: dict[int, tuple[int, str]] = {}
for _t, _jamo in enumerate(_JONGSEONG, start=1):
    if _jamo in _CHOSEONG_INDEX:
        _SPLIT_FINAL[_t] = (0, _jamo)
for _double, (_left, _moved) in {
    "ㄳ": ("ㄱ", "ㅅ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄶ": ("ㄴ", "ㅎ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅅ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅀ": ("ㄹ", "ㅎ"),
    "ㅄ": ("ㅂ", "ㅅ"),
}.items():
    _SPLIT_FINAL[_JONGSEONG.index(_double) + 1] = (_JONGSEONG.index(_left) + 1, _moved)

# syllable -> its initial consonant (compatibility jamo), for str.translate
_INITIALS_TABLE: dict[int, str] = {_S_BASE + s: CHOSEONG[s // _N_COUNT] for s in range(_S_COUNT)}
# lone conjoining initial consonants (U+1100..U+1112, left over after NFC) -> compatibility jamo
_CONJOINING_TABLE: dict[int, str] = {0x1100 + i: c for i, c in enumerate(CHOSEONG)}
_CONJOINING = re.compile("[\u1100-\u1112]")


def _is_syllable(ch: str) -> bool:
    return _S_BASE <= ord(ch) < _S_BASE + _S_COUNT


def initials(text: str) -> str:
    """Each Hangul syllable replaced by its initial consonant (``영주 사과`` -> ``ㅇㅈ ㅅㄱ``).

    Other characters are lowercased and otherwise unchanged.
    """
    return text.lower().translate(_INITIALS_TABLE)


def normalize(text: str) -> str:
    """The form names and queries are compared in: NFC, lowercase, no whitespace at all.

    A lone conjoining initial consonant (U+1100..U+1112) becomes the compatibility jamo.
    """
    text = "".join(unicodedata.normalize("NFC", text).lower().split())
    return text.translate(_CONJOINING_TABLE) if _CONJOINING.search(text) else text


def _normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, in a few C calls over one joined string."""
    if any("\0" in t for t in texts):
        return [normalize(t) for t in texts]
    return normalize("\0".join(texts)).split("\0") if texts else []


def _initial_class(jamo: str) -> str:
    """A regex class for one typed initial consonant: itself or any syllable starting with it."""
    first = _S_BASE + _CHOSEONG_INDEX[jamo] * _N_COUNT
    return f"[{jamo}{chr(first)}-{chr(first + _N_COUNT - 1)}]"


def _readings(q: str) -> tuple[str, ...]:
    """The query, plus, if its last syllable has a final consonant, the reading with that
    consonant moved on to a next syllable still being typed (``영주삭`` -> ``영주사ㄱ``)."""
    ch = q[-1]
    if not _is_syllable(ch):
        return (q,)
    s = ord(ch) - _S_BASE
    t = s % _T_COUNT
    if t == 0:
        return (q,)
    left, moved = _SPLIT_FINAL[t]
    return (q, q[:-1] + chr(_S_BASE + s - t + left) + moved)


@dataclass(frozen=True, slots=True)
class _Reading:
    """One reading of a query, compiled once: where to look and how.

    Every query character matches exactly one name character, so a match is as long as the
    reading and regexes can be anchored on a literal run with a fixed-width lookbehind.
    """

    text: str
    on_initials: bool  # no syllables: an exact str.find on the initials string
    regex: re.Pattern[str] | None  # syllables and consonants: on the names string
    line_regex: re.Pattern[str] | None  # the same, matching from the "\n" before a name
    shift: int  # chars from a match's start to where ``regex`` matches (its literal anchor)
    line_shift: int  # the same for ``line_regex``
    # with initial consonants: at a word's start, on the names with each word's start marked
    word_start: re.Pattern[str] | None = None

    def found(self, name: str, name_initials: str) -> bool:
        if self.on_initials:
            return self.text in name_initials
        if self.regex is None:
            return self.text in name
        return self.regex.search(name, self.shift) is not None

    def finders(self, names: str, name_initials: str) -> tuple[_Finder, _Finder]:
        """(at a name's start, anywhere): pos -> offset of the next match at or after pos
        (at a start: of the "\\n" before the name), or -1."""
        if self.on_initials:
            return _literal(name_initials, "\n" + self.text), _literal(name_initials, self.text)
        if self.regex is None or self.line_regex is None:
            return _literal(names, "\n" + self.text), _literal(names, self.text)
        return (
            _regex(names, self.line_regex, self.line_shift),
            _regex(names, self.regex, self.shift),
        )

    def word_finder(self, marked: str, marked_initials: str, end: int) -> _Finder:
        """pos -> offset of the next match that starts a word after the name's first (at its
        mark) and stays in that word, at or after pos and before ``end``, or -1."""
        if self.on_initials:
            return _literal(marked_initials, WORD_MARK + self.text, end)
        if self.word_start is None:
            return _literal(marked, WORD_MARK + self.text, end)
        return _regex(marked, self.word_start, 0, end)


def _word_start_pattern(parts: list[str]) -> re.Pattern[str]:
    """A query with initial consonants (one regex piece per character) at a word's mark; the
    mark is a literal prefix, so the engine skips ahead to it."""
    return re.compile(WORD_MARK + "".join(parts))


def _compile_reading(r: str) -> _Reading:
    if not any(_is_syllable(c) for c in r):
        # Every char matches exactly where the initials string has that very char.
        return _Reading(r, True, None, None, 0, 0)
    if not any(c in _CHOSEONG_INDEX for c in r):
        return _Reading(r, False, None, None, 0, 0)
    parts = [_initial_class(c) if c in _CHOSEONG_INDEX else re.escape(c) for c in r]
    words = _word_start_pattern(parts)
    # Anchor on the first run of literal characters so the regex engine can skip ahead to
    # it (fast), checking the consonants before it with a lookbehind: ㅇ주 -> 주(?<=[ㅇ아-잏]주).
    j = next((i for i, c in enumerate(r) if c not in _CHOSEONG_INDEX), None)
    if j is None or j == 0:
        body = "".join(parts)
        return _Reading(r, False, re.compile(body), re.compile("\n" + body), 0, 0, words)
    k = j
    while k < len(r) and r[k] not in _CHOSEONG_INDEX:
        k += 1
    before, run, after = "".join(parts[:j]), "".join(parts[j:k]), "".join(parts[k:])
    return _Reading(
        r,
        False,
        re.compile(f"{run}(?<={before}{run}){after}"),
        re.compile(f"{run}(?<=\n{before}{run}){after}"),
        j,
        j + 1,
        words,
    )


@functools.lru_cache(maxsize=512)
def _literal_reading(q: str) -> _Reading:
    """``q`` matched character for character (the English names)."""
    return _Reading(q, False, None, None, 0, 0)


@functools.lru_cache(maxsize=2048)
def _compile(q: str) -> tuple[_Reading, ...]:
    return tuple(_compile_reading(r) for r in _readings(q))


def matches(query: str, name: str) -> bool:
    """Whether ``query`` is found in ``name``, spaces and case ignored.

    Query characters match contiguously: equal characters, or a typed initial consonant
    (``ㅅ``) against a syllable starting with it (사). A last syllable with a final consonant
    (``삭``) also matches that consonant moved to the next syllable (사과). An empty query
    matches every name.
    """
    q = normalize(query)
    if not q:
        return True
    n = normalize(name)
    n_initials = n.translate(_INITIALS_TABLE)
    return any(r.found(n, n_initials) for r in _compile(q))


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What the index knows about one product: its names and its codes (barcodes, PLU)."""

    id: int
    name_ko: str
    name_en: str = ""
    codes: tuple[str, ...] = ()


class _Item:
    __slots__ = ("entry", "key_en", "key_ko", "norm_en", "norm_ko")

    def __init__(self, entry: SearchEntry, norm_ko: str, norm_en: str) -> None:
        self.entry = entry
        self.norm_ko = norm_ko
        self.norm_en = norm_en
        self.key_ko = (len(norm_ko), entry.id)
        self.key_en = (len(norm_en), entry.id)

    @classmethod
    def of(cls, entry: SearchEntry) -> _Item:
        return cls(entry, normalize(entry.name_ko or ""), normalize(entry.name_en or ""))


class _Joined:
    """Names joined by "\\n" in rank order, with each name's start offset and id."""

    __slots__ = ("end", "ids", "starts", "text")

    def __init__(self, names: list[str], ids: list[int], text: str | None = None) -> None:
        self.text = "\n" + "\n".join(names) + "\n" if text is None else text
        self.end = len(self.text)
        self.ids = ids
        self.starts = list(accumulate((len(n) + 1 for n in names), initial=1))[:-1]


class _Field:
    """A name field (Korean or English) of every entry in rank order: the normalised names and
    the same with later words marked, each with its initials (``initials=False``: English)."""

    __slots__ = ("marked", "marked_initials", "names", "names_initials")

    def __init__(self, ids: list[int], raw: list[str], *, initials: bool = True) -> None:
        marked = mark_words("\n" + "\n".join(_normalize_many_spaced(raw)) + "\n")
        self.marked = _joined_text(marked, ids)
        self.names = _joined_text(marked.replace(WORD_MARK, ""), ids)
        if initials and not marked.isascii():
            self.marked_initials = marked.translate(_INITIALS_TABLE)
            self.names_initials = self.marked_initials.replace(WORD_MARK, "")
        else:
            self.marked_initials, self.names_initials = marked, self.names.text


def _joined_text(text: str, ids: list[int]) -> _Joined:
    """A :class:`_Joined` of a ``"\\n"``-joined text already made (one line per id)."""
    lines = text[1:-1].split("\n") if ids else []
    return _Joined(lines, ids, text)


def _normalize_many_spaced(texts: list[str]) -> list[str]:
    """Each text in NFC and lowercase with its spaces (where its words are told apart), on
    one line: line breaks and tabs become spaces."""
    if not texts:
        return []
    if any("\0" in t for t in texts):
        return [_normalize_many_spaced([t])[0] for t in texts]
    joined = "\0".join(texts)
    if not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    joined = joined.lower()
    if _CONJOINING.search(joined):
        joined = joined.translate(_CONJOINING_TABLE)
    if WORD_MARK in joined:
        joined = joined.replace(WORD_MARK, "")
    if LINE_SPACE.search(joined):
        joined = LINE_SPACE.sub(" ", joined)
    return joined.split("\0")


_Finder = Callable[[int], int]


def _literal(text: str, needle: str, end: int | None = None) -> _Finder:
    if end is None:
        return lambda pos: text.find(needle, pos)
    return lambda pos: text.find(needle, pos, end)


def _regex(text: str, pattern: re.Pattern[str], shift: int, end: int | None = None) -> _Finder:
    stop = len(text) if end is None else end

    def find(pos: int) -> int:
        m = pattern.search(text, pos + shift, stop)
        return -1 if m is None else m.start() - shift

    return find


def _merged(finders: Sequence[_Finder]) -> _Finder:
    """The earliest next match of several finders (each remembers its last answer)."""
    if len(finders) == 1:
        return finders[0]
    memo = [[-1, -1] for _ in finders]  # [searched from, found at (-1: nothing after)]

    def find(pos: int) -> int:
        best = -1
        for m, f in zip(memo, finders, strict=True):
            if m[0] < 0 or pos < m[0] or 0 <= m[1] < pos:
                m[0], m[1] = pos, f(pos)
            if m[1] >= 0 and (best < 0 or m[1] < best):
                best = m[1]
        return best

    return find


def _collect_anywhere(
    joined: _Joined, finder: _Finder, limit: int, out: list[int], seen: set[int]
) -> None:
    """Append, in rank order, the ids of the names with a match anywhere in them."""
    starts, ids = joined.starts, joined.ids
    pos = 0
    last = len(starts) - 1
    while len(out) < limit:
        p = finder(pos)
        if p < 0:
            break
        k = bisect_right(starts, p) - 1
        i = ids[k]
        if i not in seen:
            seen.add(i)
            out.append(i)
        pos = starts[k + 1] if k < last else joined.end


def _by_name(joined: _Joined, find: _Finder, *, at_line: bool) -> _Finder:
    """A finder on ``joined``'s text as k -> index of the next name at or after k with a match
    (-1: none); ``at_line``: ``find`` gives the offset of the "\\n" before the name."""
    starts = joined.starts
    n = len(starts)

    def next_name(k: int) -> int:
        if k >= n:
            return -1
        p = find(starts[k] - 1 if at_line else starts[k])
        if p < 0:
            return -1
        return bisect_right(starts, p + 1 if at_line else p) - 1

    return next_name


def _names_found(next_name: _Finder, ids: list[int], wanted: int, seen: set[int]) -> list[int]:
    """The indexes of the first ``wanted`` names ``next_name`` finds whose id is not in
    ``seen``, in rank order."""
    found: list[int] = []
    k = 0
    while len(found) < wanted:
        k = next_name(k)
        if k < 0:
            break
        if ids[k] not in seen:
            found.append(k)
        k += 1
    return found


def _collect_field(
    field: _Field, readings: Sequence[_Reading], limit: int, out: list[int], seen: set[int]
) -> None:
    """The tiers of one field: a word's start (the name's, running on: 영주사과 in 영주 사과; a
    later word's, within it), then inside a word (꿀사과; 부사사과 in 영주 부사 사과)."""
    names, marked = field.names, field.marked
    wanted = limit - len(out)
    # at the name's start (its first word, running on into the next), in rank order
    firsts = _names_found(
        _merged(
            [
                _by_name(names, r.finders(names.text, field.names_initials)[0], at_line=True)
                for r in readings
            ]
        ),
        names.ids,
        wanted,
        seen,
    )
    # at a later word's start: only among the names up to the last one already found, so a
    # search that is answered by name starts never scans the whole catalogue for more
    n = len(names.ids)
    last = firsts[-1] if len(firsts) >= wanted else n - 1
    end = marked.starts[last + 1] if last + 1 < n else marked.end
    later = _names_found(
        _merged(
            [
                _by_name(
                    marked, r.word_finder(marked.text, field.marked_initials, end), at_line=False
                )
                for r in readings
            ]
        ),
        names.ids,
        wanted,
        seen,
    )
    for k in sorted(set(firsts) | set(later))[:wanted]:
        seen.add(names.ids[k])
        out.append(names.ids[k])
    if len(out) < limit:
        inside = [r.finders(names.text, field.names_initials)[1] for r in readings]
        _collect_anywhere(names, _merged(inside), limit, out, seen)


class SearchIndex:
    """In-memory catalogue search by Korean name (syllables, 초성, mixed), English name and code.

    ``add``/``remove``/``replace`` are cheap; the joined search strings are rebuilt lazily on
    the next search after a change (about a tenth of a second for 100,000 products).
    """

    def __init__(self, entries: Iterable[SearchEntry] = ()) -> None:
        given = list(entries)
        # normalise all names at once (fast for a whole catalogue)
        norm_ko = _normalize_many([e.name_ko or "" for e in given])
        norm_en = _normalize_many([e.name_en or "" for e in given])
        self._items: dict[int, _Item] = {}
        for entry, nk, ne in zip(given, norm_ko, norm_en, strict=True):
            if entry.id in self._items:
                raise ValueError(f"search entry id {entry.id} is given twice")
            self._items[entry.id] = _Item(entry, nk, ne)
        # Sort by id, then (stably) by length: (length, id) order without comparing tuples.
        by_id = sorted(self._items.values(), key=attrgetter("entry.id"))
        self._ko_order = [it.key_ko for it in sorted(by_id, key=_len_ko) if it.norm_ko]
        self._en_order = [it.key_en for it in sorted(by_id, key=_len_en) if it.norm_en]
        pairs = [p for p in {(str(c).strip(), e.id) for e in given for c in e.codes} if p[0]]
        pairs.sort(key=itemgetter(1))
        pairs.sort(key=itemgetter(0))
        self._codes = pairs
        self._ko: _Field | None = None
        self._en: _Field | None = None

    def entry(self, entry_id: int) -> SearchEntry | None:
        """The indexed entry (names, codes) of ``entry_id``, or None."""
        item = self._items.get(entry_id)
        return item.entry if item is not None else None

    # --- changes ------------------------------------------------------------------------

    def add(self, entry: SearchEntry) -> None:
        """Add a new entry (ValueError if its id is already indexed: use :meth:`replace`)."""
        if entry.id in self._items:
            raise ValueError(f"search entry id {entry.id} is already indexed")
        item = _Item.of(entry)
        self._items[entry.id] = item
        if item.norm_ko:
            insort(self._ko_order, item.key_ko)
        if item.norm_en:
            insort(self._en_order, item.key_en)
        for code in _codes_of(entry):
            insort(self._codes, (code, entry.id))
        self._ko = self._en = None

    def remove(self, id: int) -> bool:
        """Remove entry ``id``; False if it was not indexed."""
        item = self._items.pop(id, None)
        if item is None:
            return False
        if item.norm_ko:
            _discard(self._ko_order, item.key_ko)
        if item.norm_en:
            _discard(self._en_order, item.key_en)
        for code in _codes_of(item.entry):
            _discard(self._codes, (code, id))
        self._ko = self._en = None
        return True

    def replace(self, entry: SearchEntry) -> None:
        """Add ``entry`` or replace the entry with its id (a renamed product, new barcodes)."""
        self.remove(entry.id)
        self.add(entry)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, id: object) -> bool:
        return id in self._items

    def get(self, id: int) -> SearchEntry | None:
        item = self._items.get(id)
        return None if item is None else item.entry

    # --- search -------------------------------------------------------------------------

    def _build(self) -> tuple[_Field, _Field]:
        if self._ko is None or self._en is None:
            items = self._items
            ko_ids = [i for _, i in self._ko_order]
            self._ko = _Field(ko_ids, [items[i].entry.name_ko or "" for i in ko_ids])
            en_ids = [i for _, i in self._en_order]
            self._en = _Field(
                en_ids, [items[i].entry.name_en or "" for i in en_ids], initials=False
            )
        return self._ko, self._en

    def prepare(self) -> None:
        """Build the search strings now (after changes) rather than on the next search."""
        self._build()

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Ids of the entries matching ``query``, best first, at most ``limit``.

        All digits: entries with a code starting with it, the exact code first. Otherwise
        Korean-name matches (see :func:`matches`) in three tiers — a whole word of the name,
        the start of one of its words, inside a word — each shorter names first, then lower
        id; then English-name matches (case-insensitive) in the same tiers and order. Spaces
        are ignored; an empty query finds nothing.
        """
        q = normalize(query or "")
        if not q or limit <= 0:
            return []
        if q.isascii() and q.isdigit():
            return self._search_codes(q, limit)
        ko, en = self._build()
        out: list[int] = []
        seen: set[int] = set()
        _collect_field(ko, _compile(q), limit, out, seen)
        if len(out) < limit:
            _collect_field(en, (_literal_reading(q),), limit, out, seen)
        return out

    def _search_codes(self, q: str, limit: int) -> list[int]:
        codes = self._codes
        out: list[int] = []
        seen: set[int] = set()
        for k in range(bisect_left(codes, (q,)), len(codes)):
            code, i = codes[k]
            if not code.startswith(q):
                break
            if i not in seen:
                seen.add(i)
                out.append(i)
                if len(out) >= limit:
                    break
        return out


def _clean_code(code: str) -> str:
    return str(code).strip()


def _codes_of(entry: SearchEntry) -> set[str]:
    """The entry's codes, stripped, blanks left out."""
    return {c for c in map(_clean_code, entry.codes) if c}


def _len_ko(item: _Item) -> int:
    return item.key_ko[0]


def _len_en(item: _Item) -> int:
    return item.key_en[0]


_Key = TypeVar("_Key", tuple[int, int], tuple[str, int])


def _discard(ordered: list[_Key], key: _Key) -> None:
    """Remove ``key`` from the sorted list ``ordered`` if it is there."""
    k = bisect_left(ordered, key)
    if k < len(ordered) and ordered[k] == key:
        del ordered[k]
