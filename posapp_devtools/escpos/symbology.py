"""Barcode data as a printer judges it (lengths, character sets, check digits, CODE128 code
sets) and the bar pattern it would draw."""

from __future__ import annotations

from posapp_devtools.escpos.elements import BarcodeSymbol


def digits_check(digits: str) -> str:
    """The EAN/UPC check digit of the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


_CODE39 = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -.$/+%*")
_CODABAR = set("0123456789-$:/.+ABCDabcd")


def barcode_data(name: str, raw: bytes) -> tuple[str, bool, str]:
    """(human-readable data, valid, problem) as the printer would judge it."""
    if not raw:
        return "", False, "no data"
    if name == "CODE128":
        return _code128_text(raw)
    if any(b > 0x7F for b in raw):
        return raw.decode("latin-1"), False, "non-ASCII data"
    text = raw.decode("ascii")
    sizes = {"UPC-A": (11, 12), "UPC-E": (6, 7, 8, 11, 12), "EAN13": (12, 13), "EAN8": (7, 8)}
    if name in sizes:
        if not text.isdigit() or len(text) not in sizes[name]:
            return text, False, f"{name} takes {' or '.join(map(str, sizes[name]))} digits"
        full = {"UPC-A": 12, "EAN13": 13, "EAN8": 8}.get(name)
        if full and len(text) == full and digits_check(text[:-1]) != text[-1]:
            return text, True, f"check digit {text[-1]} should be {digits_check(text[:-1])}"
        return text, True, ""
    if name == "CODE39" and not set(text) <= _CODE39:
        return text, False, "character outside CODE39"
    if name == "ITF" and (not text.isdigit() or len(text) % 2):
        return text, False, "ITF takes an even number of digits"
    if name == "CODABAR" and (
        not set(text) <= _CODABAR or text[0] not in "ABCDabcd" or text[-1] not in "ABCDabcd"
    ):
        return text, False, "CODABAR needs A-D start/stop characters"
    return text, True, ""


def _code128_text(raw: bytes) -> tuple[str, bool, str]:
    if len(raw) < 2 or raw[0] != ord("{") or raw[1] not in b"ABC":
        return raw.decode("latin-1"), False, "CODE128 data must start with {A, {B or {C"
    out: list[str] = []
    mode = chr(raw[1])
    i = 2
    while i < len(raw):
        b = raw[i]
        if b > 0x7F:
            return raw.decode("latin-1"), False, "non-ASCII data"
        if b == ord("{") and i + 1 < len(raw):
            sel = chr(raw[i + 1])
            if sel in "ABC":
                mode = sel
            elif sel == "{":
                out.append("{")
            elif sel not in "S1234":
                return raw.decode("latin-1"), False, f"unknown CODE128 escape {{{sel}"
            i += 2
            continue
        if mode == "C":
            if b > 99:
                return raw.decode("latin-1"), False, "code set C takes values 0–99"
            out.append(f"{b:02d}")
        else:
            out.append(chr(b))
        i += 1
    if not out:
        return "", False, "no data"
    return "".join(out), True, ""


def barcode_modules(b: BarcodeSymbol) -> str | None:
    """The bar pattern ("1" = bar module) as the printer would draw it, or None when this
    symbology is not drawn here. EAN/UPC are drawn with the check digit that was *sent*."""
    if not b.valid:
        return None
    try:
        d = b.data
        if b.symbology in ("EAN13", "UPC-A"):
            digits = d if b.symbology == "EAN13" else "0" + d
            if len(digits) == 12:
                digits += digits_check(digits)
            return _drawn("ean13", digits, options={"no_checksum": True})
        if b.symbology == "EAN8":
            digits = d if len(d) == 8 else d + digits_check(d)
            return _drawn("ean8", digits, options={"no_checksum": True})
        if b.symbology in ("CODE128", "CODE128-AUTO"):
            return _drawn("code128", d)
        if b.symbology == "CODE39":
            return _drawn("code39", d.strip("*"), options={"add_checksum": False})
        if b.symbology == "ITF":
            return _drawn("itf", d, options={"narrow": 1, "wide": 3})
        if b.symbology == "CODABAR":
            return _drawn("codabar", d, options={"narrow": 1, "wide": 3})
    except Exception:  # python-barcode refuses it: drawn as a labelled box instead
        return None
    return None


def _drawn(kind: str, data: str, options: dict[str, object] | None = None) -> str:
    """python-barcode's modules for ``data`` ("1" = bar); imported only when drawing."""
    import barcode as pybarcode

    modules: str = pybarcode.get(kind, data, options=options).build()[0]  # untyped library
    return modules
