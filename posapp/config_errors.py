"""What a configuration that cannot be used says: :class:`ConfigError` and its words.

Owns the Korean and English sentences of every ``config.*`` code (:data:`CONFIG_WORDS`): a bad
file stops the start before any screen or translator exists, so the message carries both
languages, Korean first, and names the file (or the environment variable), the key and the
allowed values. :mod:`posapp.config` raises it; the screens' tables take the same words
(:mod:`posapp.ui.error_words`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from posapp.domain.errors import AppError
from posapp.error_codes import ConfigErrorCode


class Words(NamedTuple):
    """A sentence in both languages: printed together before any screen (and translator) exists."""

    ko: str
    en: str


#: the words of every configuration error; ``{file}`` is the file or the environment variable
CONFIG_WORDS: dict[str, Words] = {  # keyed by the ConfigErrorCode members
    ConfigErrorCode.NOT_TOML: Words(
        "설정 파일 {file}이(가) TOML 형식이 아닙니다({problem}). 파일을 고치세요.",
        "The settings file {file} is not valid TOML ({problem}). Fix the file.",
    ),
    ConfigErrorCode.UNKNOWN_SECTION: Words(
        "설정 {file}에 모르는 구역 [{key}]이(가) 있습니다. 가능한 구역: {allowed}",
        "{file} has an unknown section [{key}]. Sections: {allowed}",
    ),
    ConfigErrorCode.UNKNOWN_KEY: Words(
        "설정 {file}에 모르는 항목 {key}이(가) 있습니다. 가능한 항목: {allowed}",
        "{file} has an unknown setting {key}. Settings: {allowed}",
    ),
    ConfigErrorCode.WRONG_TYPE: Words(
        "설정 {file}의 {key} = {value}: {expected_ko}이어야 합니다.",
        "In {file}, {key} = {value}: expected {expected}.",
    ),
    ConfigErrorCode.NOT_ALLOWED: Words(
        "설정 {file}의 {key} = {value}은(는) 쓸 수 없습니다. 가능한 값: {allowed_ko}{hint_ko}",
        "In {file}, {key} = {value} is not allowed. Allowed values: {allowed}{hint}",
    ),
    ConfigErrorCode.NEWER: Words(
        "설정 파일 {file}은(는) 더 새로운 프로그램의 것입니다(버전 {value}, 이 프로그램은 "
        "{allowed}까지). 프로그램을 업데이트하세요.",
        "The settings file {file} is from a newer program (version {value}; this one knows up "
        "to {allowed}). Update the program.",
    ),
    ConfigErrorCode.SECRET: Words(
        "{key}은(는) 비밀 항목이라 설정 파일 {file}에 쓰지 않습니다.",
        "{key} is a secret: it is not written to {file}.",
    ),
    ConfigErrorCode.READ_BACK: Words(
        "설정 파일 {file}에 쓴 내용이 같게 읽히지 않습니다. 디스크를 확인하세요.",
        "What was written to {file} does not read back the same. Check the disk.",
    ),
}

_TYPES = {
    "bool": ("true/false", "true 또는 false"),
    "int": ("a whole number", "정수"),
    "str": ("text", "글자"),
    "table": ("a table [section]", "구역([section])"),
}


class ConfigError(AppError):
    """A configuration file or override that cannot be used. The message names the file (or
    the variable), the key and the allowed values, in Korean then English; ``key`` is the
    dotted key (``printer.kind``)."""

    def __init__(self, code: ConfigErrorCode, **data: Any) -> None:
        words = CONFIG_WORDS[code]
        data = {"file": "", "key": "", "value": "", "allowed": "", "hint": "", "hint_ko": ""} | data
        data.setdefault("allowed_ko", data["allowed"])
        expected = _TYPES.get(data.get("expected", ""), (data.get("expected", ""), ""))
        data["expected"], data["expected_ko"] = expected[0], expected[1] or expected[0]
        super().__init__(f"{words.ko}\n{words.en}".format(**data), code=code, **data)
        self.key: str = data["key"]
