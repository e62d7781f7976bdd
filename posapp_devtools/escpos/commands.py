"""ESC/POS byte values and command tables: code tables, international sets, parameter
counts, barcode and 2-D symbologies (what the decoder looks bytes up in)."""

from __future__ import annotations

from typing import Literal

Align = Literal["left", "center", "right"]

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
LF, HT, CR, FF, CAN, NUL, BEL = 0x0A, 0x09, 0x0D, 0x0C, 0x18, 0x00, 0x07
EOT, ENQ, DC4 = 0x04, 0x05, 0x14

DEFAULT_LINE_SPACING = 30  # dots (ESC 2)
DEFAULT_BARCODE_HEIGHT = 162  # dots (GS h)
DEFAULT_MODULE_WIDTH = 3  # dots (GS w)
MAX_PENDING = 16 * 1024 * 1024  # a command claiming more data than this is treated as invalid

# ESC t n → Python codec. 1 (Katakana) is JIS X 0201 through shift_jis; 255 is user-defined.
CODE_TABLES: dict[int, str] = {
    0: "cp437",
    1: "shift_jis",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    13: "cp857",
    14: "cp737",
    15: "iso8859_7",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    32: "cp720",
    33: "cp775",
    34: "cp855",
    35: "cp861",
    36: "cp862",
    37: "cp864",
    38: "cp869",
    39: "iso8859_2",
    40: "iso8859_15",
    44: "cp1125",
    45: "cp1250",
    46: "cp1251",
    47: "cp1253",
    48: "cp1254",
    49: "cp1255",
    50: "cp1256",
    51: "cp1257",
    52: "cp1258",
    53: "kz1048",
}

# ESC R n: the ASCII positions an international character set replaces (the ones emulated).
INTERNATIONAL: dict[int, dict[int, str]] = {
    0: {},  # USA
    1: dict(zip(b"@[\\]{|}~", "à°ç§éùè¨", strict=True)),  # France
    2: dict(zip(b"@[\\]{|}~", "§ÄÖÜäöüß", strict=True)),  # Germany
    3: {0x23: "£"},  # UK
    8: {0x5C: "¥"},  # Japan
    13: {0x5C: "₩"},  # Korea
    15: {0x5C: "¥"},  # China
}

# GS k: m → name (function A: m 0–6, NUL-terminated; function B: m 65–79 with a length byte)
SYMBOLOGIES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
SYMBOLOGIES_B = {
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
    74: "GS1-128",
    75: "GS1-DATABAR-OMNI",
    76: "GS1-DATABAR-TRUNCATED",
    77: "GS1-DATABAR-LIMITED",
    78: "GS1-DATABAR-EXPANDED",
    79: "CODE128-AUTO",
}
ESC_PARAMS = {ch: 0 for ch in "@2LSimv\x0c"} | {ch: 1 for ch in "!EG-adeJKMRtV{ 3=%?rTUu"}
ESC_PARAMS |= {"$": 2, "\\": 2, "c": 2, "B": 2, "p": 3, "W": 8}
GS_PARAMS = {":": 0} | {ch: 1 for ch in "!BHfhwarIbTjE/"} | {ch: 2 for ch in "LWP$\\"}
GS_PARAMS |= {"^": 3, "z": 3}
GS_PAREN_IGNORED = set("ACDEHKMNPQz")  # GS ( functions that change nothing shown
UNDERLINE_CODES = {0: 0, 48: 0, 1: 1, 49: 1, 2: 2, 50: 2}
ALIGN_CODES: dict[int, Align] = {
    0: "left",
    48: "left",
    1: "center",
    49: "center",
    2: "right",
    50: "right",
}
SYMBOLS_2D = {
    48: "PDF417",
    49: "QR",
    50: "MAXICODE",
    51: "DATABAR-2D",
    53: "AZTEC",
    54: "DATAMATRIX",
}
