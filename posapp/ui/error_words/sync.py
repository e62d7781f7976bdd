"""Korean and English words for the error codes of the online platform:
:mod:`posapp.sync.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.sync.error_codes import OrderErrorCode, SyncErrorCode

WORDS: dict[str, Words] = {
    SyncErrorCode.AUTH: Words(
        "온라인 플랫폼이 토큰을 거부했습니다. 설정의 [platform] token을 확인하세요.",
        "The online platform refused the token. Check [platform] token in the settings.",
    ),
    SyncErrorCode.BAD_URL: Words(
        "온라인 플랫폼 주소가 올바르지 않습니다. 설정의 [platform] url을 확인하세요.",
        "The online platform address is not valid. Check [platform] url.",
    ),
    SyncErrorCode.NO_TOKEN: Words(
        "온라인 플랫폼 토큰이 설정되지 않았습니다.",
        "No online platform token is set.",
    ),
    SyncErrorCode.UNREACHABLE: Words(
        "온라인 플랫폼에 연결할 수 없습니다. 판매는 계속되고 나중에 보냅니다.",
        "Cannot reach the online platform. Selling goes on; sent later.",
    ),
    SyncErrorCode.TIMEOUT: Words(
        "온라인 플랫폼이 제때 응답하지 않았습니다. 다시 시도합니다.",
        "The online platform did not answer in time. Trying again.",
    ),
    SyncErrorCode.CONNECTION_LOST: Words(
        "온라인 플랫폼 연결이 끊겼습니다. 다시 보냅니다(중복되지 않습니다).",
        "The connection to the online platform was lost. Sending again (no duplicates).",
    ),
    SyncErrorCode.BAD_ANSWER: Words(
        "온라인 플랫폼의 응답을 이해할 수 없습니다. 다시 시도합니다.",
        "The online platform's answer made no sense. Trying again.",
    ),
    SyncErrorCode.THROTTLED: Words(
        "온라인 플랫폼이 잠시 기다리라고 합니다.",
        "The online platform asks us to wait a moment.",
    ),
    SyncErrorCode.SERVER: Words(
        "온라인 플랫폼에 오류가 났습니다. 다시 시도합니다.",
        "The online platform had an error. Trying again.",
    ),
    SyncErrorCode.REFUSED: Words(
        "온라인 플랫폼이 요청을 거부했습니다.",
        "The online platform refused the request.",
    ),
    SyncErrorCode.DEFERRED: Words(
        "온라인 플랫폼이 일부 문서를 나중에 받겠다고 했습니다(원 거래 대기).",
        "The online platform will take some documents later (waiting for the original sale).",
    ),
    SyncErrorCode.DATABASE: Words(
        "데이터베이스가 바빠 동기화를 잠시 미뤘습니다.",
        "The database was busy: syncing a little later.",
    ),
    SyncErrorCode.INTERNAL: Words(
        "동기화 중 예기치 않은 오류가 났습니다(로그 참고).",
        "Something unexpected went wrong while syncing (see the log).",
    ),
    OrderErrorCode.UNKNOWN: Words(
        "온라인 주문을 찾을 수 없습니다: {order}",
        "Online order not found: {order}",
    ),
    OrderErrorCode.NOT_READY: Words(
        "주문 {order}은(는) 픽업할 수 없는 상태입니다.",
        "Order {order} cannot be picked up now.",
    ),
}
