"""Hangul search: initial consonants (초성), mixed input, typing in progress, and the index.

The index is checked against a plain reference implementation written here, character by
character, and on 100,000 synthetic products (correctness only: timing is for benchmarks).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posapp.domain.hangul import SearchEntry, SearchIndex, initials, matches, normalize

CONSONANTS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


# --- initials / normalize -------------------------------------------------------------


def test_initials() -> None:
    assert initials("사과") == "ㅅㄱ"
    assert initials("영주 사과") == "ㅇㅈ ㅅㄱ"
    assert initials("까치 똠양꿍 뺑 쌀 짬뽕") == "ㄲㅊ ㄸㅇㄲ ㅃ ㅆ ㅉㅃ"
    assert initials("가힣") == "ㄱㅎ"  # first and last syllables of the block
    assert initials("Apple 사과 1kg!") == "apple ㅅㄱ 1kg!"
    assert initials("ㅅㄱ") == "ㅅㄱ"
    assert initials("") == ""


def test_every_syllable_maps_to_its_initial() -> None:
    for cp in range(0xAC00, 0xD7A4):
        ch = chr(cp)
        lead = unicodedata.normalize("NFD", ch)[0]  # conjoining choseong U+1100..U+1112
        assert initials(ch) == CONSONANTS[ord(lead) - 0x1100]


def test_normalize() -> None:
    assert normalize("영주 사과") == normalize("영주사과") == "영주사과"
    assert normalize("  Yeongju\tApple ") == "yeongjuapple"
    decomposed = unicodedata.normalize("NFD", "사과")
    assert len(decomposed) == 4
    assert normalize(decomposed) == "사과"
    assert normalize("\u1109") == "ㅅ"  # a lone conjoining consonant becomes the typed one


# --- matches --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("ㅅㄱ", "사과", True),
        ("ㅇㅈㅅㄱ", "영주사과", True),
        ("ㅇㅈㅅㄱ", "영주 사과", True),
        ("ㅇㅈ", "영주 사과", True),
        ("영주 사과", "영주사과", True),
        ("영주사과", "영주 사과 5kg", True),
        ("사ㄱ", "사과", True),
        ("ㅅ과", "사과", True),
        ("ㅇ주사ㄱ", "영주 사과", True),
        ("ㄱ", "사과", True),  # 과 starts with ㄱ
        ("ㅅ", "사과", True),
        ("ㄴ", "사과", False),
        ("ㄲ", "사과", False),  # a double consonant is its own letter
        ("ㄱ", "까치", False),
        ("과사", "사과", False),
        ("사과ㄱ", "사과", False),
        ("ㅅㄱ", "사 과", True),
        ("ㅅㄱ", "서귀포 감귤", True),
        ("사과", "사 과", True),
        ("1kg", "영주 사과 1KG", True),
        ("KG", "영주 사과 1kg", True),
        ("apple", "Yeongju Apple", True),
        ("", "사과", True),  # an empty query matches everything
        ("사과", "", False),
    ],
)
def test_matches(query: str, name: str, expected: bool) -> None:
    assert matches(query, name) is expected


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("삭", "사과", True),  # typing 사과: ㅅ ㅏ ㄱ shows 삭 until ㅘ arrives
        ("삭", "삭제", True),
        ("삭", "사자", False),
        ("삭", "사 과", True),
        ("영주삭", "영주 사과", True),
        ("ㅇㅈ삭", "영주 사과", True),
        ("영삭", "영주 사과", False),
        ("안", "아니", True),
        ("닭", "달걀", True),  # double final ㄺ: ㄹ stays, ㄱ moves on
        ("닭", "닭갈비", True),
        ("닭", "다과", False),
        ("앉", "안주", True),
        ("값", "갑시다", True),
        ("상", "사이다", True),  # ㅇ moves on too
        ("사", "삭제", False),  # only the final-consonant case, not any longer syllable
        ("삭과", "사과", False),  # only the last character is in progress
    ],
)
def test_matches_last_syllable_in_progress(query: str, name: str, expected: bool) -> None:
    assert matches(query, name) is expected


def test_matches_escapes_regex_characters() -> None:
    assert matches("(특)", "사과 (특)")
    assert not matches("사.", "사과")
    assert matches("ㅅ.", "사.과")
    assert not matches("ㅅ[", "사과")


# --- a reference matcher, character by character --------------------------------------


def _initial(ch: str) -> str | None:
    if 0xAC00 <= ord(ch) <= 0xD7A3:
        return CONSONANTS[ord(unicodedata.normalize("NFD", ch)[0]) - 0x1100]
    return None


# the syllables of the generated names/queries that have a final consonant: the reading
# with that consonant moved on (syllable without it, or with what is left, + consonant)
_MOVED = {"삭": ("사", "ㄱ"), "안": ("아", "ㄴ"), "앉": ("안", "ㅈ"), "닭": ("달", "ㄱ")}


def _char_ok(q: str, n: str) -> bool:
    return q == n or (q in CONSONANTS and _initial(n) == q)


def _match_at(q: str, n: str, i: int) -> bool:
    readings = [q]
    if q[-1] in _MOVED:
        stay, moved = _MOVED[q[-1]]
        readings.append(q[:-1] + stay + moved)
    return any(
        i + len(r) <= len(n) and all(_char_ok(a, b) for a, b in zip(r, n[i:], strict=False))
        for r in readings
    )


def _word_starts(name: str) -> list[int]:
    """Where the name's words start, as offsets in its normalised form: a letter or digit not
    after another one (spaces and punctuation apart)."""
    spaced = unicodedata.normalize("NFC", name).lower()
    out, k = [], 0
    for i, ch in enumerate(spaced):
        if ch.isspace():
            continue
        if ch.isalnum() and (i == 0 or not spaced[i - 1].isalnum()):
            out.append(k)
        k += 1
    return out


def _readings_of(q: str) -> list[str]:
    readings = [q]
    if q[-1] in _MOVED:
        stay, moved = _MOVED[q[-1]]
        readings.append(q[:-1] + stay + moved)
    return readings


def _at(r: str, n: str, i: int) -> bool:
    return i + len(r) <= len(n) and all(_char_ok(a, b) for a, b in zip(r, n[i:], strict=False))


def _tier(q: str, name: str, literal: bool) -> int | None:
    """0: a match at the name's start, or at a later word's start within that word; 1: any
    other match; None: no match."""
    n = normalize(name)
    readings = [q] if literal else _readings_of(q)
    ok = (lambda r, i: n[i : i + len(r)] == r) if literal else (lambda r, i: _at(r, n, i))
    if not any(ok(r, i) for r in readings for i in range(len(n))):
        return None
    starts = _word_starts(name)
    for r in readings:
        if ok(r, 0):
            return 0
        for i in starts:
            if ok(r, i) and not any(i < j < i + len(r) for j in starts):
                return 0
    return 1


def reference(entries: list[SearchEntry], query: str) -> list[int]:
    q = normalize(query)
    if not q:
        return []
    if q.isdigit():
        hits = sorted(
            (code, e.id) for e in entries for code in e.codes if code.strip().startswith(q)
        )
        return list(dict.fromkeys(i for _, i in hits))
    korean = []
    for e in entries:
        tier = _tier(q, e.name_ko, literal=False)
        if tier is not None:
            korean.append((tier, len(normalize(e.name_ko)), e.id))
    english = []
    for e in entries:
        tier = _tier(q, e.name_en, literal=True)
        if tier is not None:
            english.append((tier, len(normalize(e.name_en)), e.id))
    return list(dict.fromkeys([i for *_, i in sorted(korean)] + [i for *_, i in sorted(english)]))


SYLLABLES = "사과영주삭안자앉닭달걀아니"
names = st.text(alphabet=SYLLABLES + "ㅅㄱㅇ ab1(_-", max_size=8)
queries = st.text(alphabet=SYLLABLES + "ㅅㄱㅇㄴㅈ ab1", min_size=1, max_size=4)


@st.composite
def catalogues(draw: st.DrawFn) -> list[SearchEntry]:
    ids = draw(st.lists(st.integers(1, 500), unique=True, max_size=25))
    return [
        SearchEntry(
            i,
            draw(names),
            draw(st.text(alphabet="abAB -", max_size=6)),
            tuple(draw(st.lists(st.text(alphabet="0189", min_size=1, max_size=4), max_size=2))),
        )
        for i in ids
    ]


@settings(max_examples=300)
@given(catalogues(), queries)
def test_index_agrees_with_the_reference(entries: list[SearchEntry], query: str) -> None:
    index = SearchIndex(entries)
    expected = reference(entries, query)
    assert index.search(query, limit=1000) == expected
    assert index.search(query, limit=3) == expected[:3]
    q = normalize(query)
    if q and not q.isdigit():
        for e in entries:
            assert matches(query, e.name_ko) is any(
                _match_at(q, normalize(e.name_ko), i) for i in range(len(normalize(e.name_ko)))
            )


@settings(max_examples=100)
@given(catalogues(), catalogues(), st.lists(queries, min_size=1, max_size=5))
def test_changes_give_the_same_index_as_a_fresh_one(
    first: list[SearchEntry], second: list[SearchEntry], qs: list[str]
) -> None:
    index = SearchIndex(first)
    index.search("사")  # built, then changed: must rebuild
    kept = {e.id: e for e in first}
    for e in second:
        if e.id in kept:
            index.replace(e)
        else:
            index.add(e)
        kept[e.id] = e
    for e in first[::2]:
        assert index.remove(e.id)
        del kept[e.id]
    assert len(index) == len(kept)
    fresh = SearchIndex(kept.values())
    for q in [*qs, "0", "1", "8"]:
        assert index.search(q, 1000) == fresh.search(q, 1000)


# --- the index, by example ------------------------------------------------------------


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex(
        [
            SearchEntry(1, "영주 사과", "Yeongju Apple", ("8801234567893", "00101")),
            SearchEntry(2, "사과즙", "Apple Juice", ("8801045001081",)),
            SearchEntry(3, "꿀사과", "Honey Apple"),
            SearchEntry(4, "영주 사과 선물세트", "Yeongju Apple Gift Set", ("88012346",)),
            SearchEntry(5, "사과", "Apple", ("8801234567",)),
            SearchEntry(6, "배", "Applepear"),
            SearchEntry(7, "apple 주스", "Juice"),
            SearchEntry(8, "완도 전복", "Wando Abalone", ("8809876543213", "00102")),
        ]
    )


def test_ranking(index: SearchIndex) -> None:
    # a match at the start of any word first (꿀사과 has it inside), then shorter names, then id
    assert index.search("사과") == [5, 2, 1, 4, 3]
    assert index.search("ㅅㄱ") == [5, 2, 1, 4, 3]
    assert index.search("사ㄱ") == [5, 2, 1, 4, 3]
    assert index.search("삭") == [5, 2, 1, 4, 3]
    assert index.search("ㅇㅈ") == [1, 4]
    assert index.search("ㅈㅅ") == [7, 1, 4]  # 주스 starts a word; 영주사과 has it inside
    assert index.search("ㅇㅈㅅㄱ") == [1, 4]
    assert index.search("영주 사과") == [1, 4]
    assert index.search("ㅇ주사ㄱ") == [1, 4]
    assert index.search("전복") == [8]
    assert index.search("ㅈㅂ") == [8]


def test_english_after_korean(index: SearchIndex) -> None:
    # Korean-name matches first (7), then English names: starting with it, shorter first:
    # apple, applepear, applejuice | honeyapple, yeongjuapple, yeongjuapplegiftset
    assert index.search("apple") == [7, 5, 6, 2, 3, 1, 4]
    assert index.search("APPLE") == index.search(" apple ")
    assert index.search("yeongju apple") == [1, 4]
    assert index.search("abalone") == [8]


def test_codes(index: SearchIndex) -> None:
    assert index.search("8801234567893") == [1]
    assert index.search("8801234567") == [5, 1]  # the exact code first
    assert index.search("880") == [2, 5, 1, 4, 8]
    assert index.search("880", limit=2) == [2, 5]
    assert index.search("00101") == [1]
    assert index.search("001") == [1, 8]
    assert index.search("8801 2345 67893") == [1]
    assert index.search("999") == []


def test_no_query_no_results(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("사과", limit=0) == []
    assert index.search("없는상품") == []
    assert index.search("ㅋㅋ") == []


def test_limit(index: SearchIndex) -> None:
    assert index.search("사과", limit=2) == [5, 2]
    assert index.search("apple", limit=4) == [7, 5, 6, 2]


def test_add_remove_replace(index: SearchIndex) -> None:
    assert len(index) == 8
    assert index.remove(5)
    assert not index.remove(5)
    assert 5 not in index
    assert index.search("사과") == [2, 1, 4, 3]
    assert index.search("8801234567") == [1]
    index.add(SearchEntry(9, "사과 잼", "Apple Jam", ("8801111111118",)))
    assert index.search("사과") == [2, 9, 1, 4, 3]
    with pytest.raises(ValueError):
        index.add(SearchEntry(9, "중복"))
    index.replace(SearchEntry(9, "딸기 잼", "Strawberry Jam"))
    assert index.search("사과") == [2, 1, 4, 3]
    assert index.search("ㄸㄱ") == [9]
    assert index.search("8801111111118") == []
    assert index.get(9) == SearchEntry(9, "딸기 잼", "Strawberry Jam")
    index.replace(SearchEntry(10, "새 상품"))  # replace adds an unknown id
    assert index.search("ㅅㅅㅍ") == [10]
    assert len(index) == 9


def test_the_demo_catalogue_finds_every_apple_by_its_initials() -> None:
    """Seen at the till: ``ㅅㄱ`` gave 20 서귀포 products and no 사과 (name starts only, 20 at
    most). Now every 사과 is found, those with 사과 starting a word among the first results."""
    import csv
    from importlib import resources

    with (resources.files("posapp.resources") / "demo" / "products.csv").open(
        encoding="utf-8"
    ) as f:
        rows = list(csv.DictReader(f))
    index = SearchIndex(SearchEntry(i, r["name_ko"], r["name_en"]) for i, r in enumerate(rows))
    apples = {i for i, r in enumerate(rows) if "사과" in r["name_ko"]}
    seogwipo = {i for i, r in enumerate(rows) if r["name_ko"].startswith("서귀포")}
    assert len(apples) >= 20 and len(seogwipo) >= 20
    got = index.search("ㅅㄱ", limit=500)
    assert apples <= set(got)
    first = index.search("ㅅㄱ", limit=20)
    assert apples & set(first) and not set(first) <= seogwipo
    # a word's start before inside: 충주 사과(벌크) before 청송 꿀사과(벌크)
    names = [rows[i]["name_ko"] for i in got]
    assert names.index("충주 사과(벌크)") < names.index("청송 꿀사과(벌크)")
    # 초성 of a later word: 부사 in 영주 부사 사과 3kg
    assert "영주 부사 사과 3kg" in [rows[i]["name_ko"] for i in index.search("ㅂㅅ", 10)]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError):
        SearchIndex([SearchEntry(1, "사과"), SearchEntry(1, "배")])


def test_empty_index() -> None:
    index = SearchIndex()
    assert len(index) == 0
    assert index.search("사과") == []
    assert index.search("880") == []


# --- 100,000 products: correct results (timing belongs to bench/lookup.py) ------------

REGIONS = ["영주", "완도", "보성", "성주", "청송", "의성", "서산", "금산", "고창", "순창"]
ITEMS = [
    ("사과", "Apple"),
    ("전복", "Abalone"),
    ("녹차", "Green Tea"),
    ("참외", "Korean Melon"),
    ("마늘", "Garlic"),
    ("인삼", "Ginseng"),
    ("고추장", "Gochujang"),
    ("멸치", "Anchovy"),
    ("한우 등심", "Hanwoo Sirloin"),
    ("곶감", "Dried Persimmon"),
]


def test_search_over_100k_products() -> None:
    n = 100_000
    entries = []
    for i in range(n):
        region = REGIONS[i % 10]
        ko, en = ITEMS[(i // 10) % 10]
        grade = i // 100
        entries.append(
            SearchEntry(
                i + 1,
                f"{region} {ko} {grade}호",
                f"{region} {en} {grade}",
                (f"880{i:09d}", f"{i:06d}"),
            )
        )
    index = SearchIndex(entries)
    assert len(index) == n

    def expected(pred, names):  # type: ignore[no-untyped-def]
        hits = [e for e in entries if pred(names(e))]
        return [e.id for e in sorted(hits, key=lambda e: (len(names(e).replace(" ", "")), e.id))]

    # 영주 사과 N호: every tenth of every hundred; all start with the match
    want = expected(lambda s: s.startswith("영주 사과"), lambda e: e.name_ko)
    assert len(want) == 1000
    assert index.search("ㅇㅈㅅㄱ", limit=50) == want[:50]
    assert index.search("영주사과", limit=2000) == want
    assert index.search("ㅇ주사ㄱ", limit=2000) == want
    assert index.search("영주삭", limit=2000) == want
    # a match in the middle of the name
    want = expected(lambda s: " 한우 등심 " in s, lambda e: e.name_ko)
    assert index.search("한우등심", limit=20_000) == want
    assert index.search("ㅎㅇㄷㅅ", limit=50) == want[:50]
    # matches at a word's start (고창, 곶감, 고추장) before those inside a word only (사과)
    got = index.search("ㄱ", limit=n)
    starts = {e.id for e in entries if any(w.startswith("ㄱ") for w in initials(e.name_ko).split())}
    assert set(got) == {e.id for e in entries if "ㄱ" in initials(e.name_ko)}
    assert set(got[: len(starts)]) == starts
    # one exact product, and one that is not there
    assert index.search("의성 멸치 777호") == [77_776]
    assert index.search("의성 멸치 1000호") == []
    # English, after nothing Korean
    want = expected(lambda s: "greentea" in s.lower().replace(" ", ""), lambda e: e.name_en)
    assert index.search("green tea", limit=20_000) == want
    # codes
    assert index.search("880000012345") == [12_346]
    assert index.search("88000001234", limit=20) == list(range(12_341, 12_351))
    assert index.search("012345") == [12_346]
    # a change is seen by the next search
    index.remove(77_776)
    assert index.search("의성 멸치 777호") == []
    index.add(SearchEntry(n + 1, "의성 멸치 777호"))
    assert index.search("ㅇㅅ ㅁㅊ 777ㅎ") == [n + 1]
