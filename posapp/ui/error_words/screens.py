"""Korean and English words for the screens' own checks and for errors without a code:
:mod:`posapp.ui.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.ui.error_codes import UiErrorCode

WORDS: dict[str, Words] = {
    UiErrorCode.PO_LINE: Words(
        "{row}행: 발주 수량은 정수입니다.",
        "Row {row}: the order quantity is a whole number.",
    ),
    UiErrorCode.WON: Words(
        "{what}: 금액은 원 단위 정수로 입력하세요 ({text})",
        "{what}: type the amount as whole won ({text})",
    ),
    UiErrorCode.RECEIVE_LINE: Words(
        "{row}행: 입고 줄을 확인하세요(수량, 유통기한 YYYY-MM-DD, 원가).",
        "Row {row}: check the line (quantity, expiry YYYY-MM-DD, cost).",
    ),
    UiErrorCode.UNEXPECTED: Words(
        "예기치 않은 오류로 작업을 마치지 못했습니다. 다시 해 보고, 계속되면 관리자에게 "
        "알리세요(자세한 내용은 로그에 있습니다).",
        "Something unexpected stopped this. Try again; if it goes on, tell the manager (the "
        "details are in the log).",
    ),
    UiErrorCode.FILE: Words(
        "파일이나 장치를 읽거나 쓰지 못했습니다. 경로·권한·연결을 확인하고 다시 하세요.",
        "Could not read or write a file or device. Check the path, the permissions and the "
        "connection, and try again.",
    ),
    UiErrorCode.NUMBER_TOO_LARGE: Words(
        "숫자가 너무 큽니다. 값을 확인하고 다시 입력하세요.",
        "The number is too large. Check it and type it again.",
    ),
    UiErrorCode.TEXT_ENCODING: Words(
        "글자를 읽을 수 없습니다(인코딩). 파일을 UTF-8로 저장해 다시 하세요.",
        "The text cannot be read (encoding). Save the file as UTF-8 and try again.",
    ),
}
