"""Korean and English words for the error codes of the database:
:mod:`posapp.db.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.db.error_codes import DbErrorCode

WORDS: dict[str, Words] = {
    DbErrorCode.ERROR: Words(
        "데이터베이스에 문제가 생겨 저장하지 못했습니다. 잠시 뒤 다시 하고, 계속되면 관리자에게 "
        "알리세요.",
        "The database had a problem and nothing was saved. Try again in a moment; if it goes "
        "on, tell the manager.",
    ),
    DbErrorCode.BUSY: Words(
        "데이터베이스가 바쁩니다. 잠시 뒤 다시 하세요.",
        "The database is busy. Try again in a moment.",
    ),
    DbErrorCode.UNAVAILABLE: Words(
        "데이터베이스에 연결할 수 없습니다. 매장 서버와 네트워크를 확인하세요.",
        "Cannot reach the database. Check the store's server and the network.",
    ),
    DbErrorCode.DISK_FULL: Words(
        "디스크가 가득 차서 저장하지 못했습니다. 아무것도 기록되지 않았습니다. "
        "오래된 백업이나 파일을 지우고 다시 하세요.",
        "The disk is full, so nothing was saved. Delete old backups or files and try again.",
    ),
    DbErrorCode.CONFLICT: Words(
        "다른 계산대가 같은 자료를 동시에 바꿨습니다. 다시 하세요.",
        "Another till changed the same data at the same time. Try again.",
    ),
}
