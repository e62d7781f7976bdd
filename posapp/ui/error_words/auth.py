"""Korean and English words for the error codes of sign-in, permissions and staff:
:mod:`posapp.auth.error_codes`."""

from __future__ import annotations

from posapp.auth.error_codes import AuthErrorCode, PermErrorCode, StaffErrorCode
from posapp.config_errors import Words

WORDS: dict[str, Words] = {
    AuthErrorCode.APPROVAL_DENIED: Words(
        "관리자 PIN이 필요합니다.",
        "A manager's PIN is needed.",
    ),
    AuthErrorCode.APPROVAL_REQUIRED: Words(
        "관리자 승인이 필요한 작업입니다.",
        "This needs a manager's approval.",
    ),
    AuthErrorCode.DUPLICATE: Words(
        "같은 이름의 사용자가 이미 있습니다: {name}",
        "A user with this name already exists: {name}",
    ),
    AuthErrorCode.LOCKED: Words(
        "PIN을 여러 번 틀려 잠겼습니다. 잠금 시간이 지나거나 관리자가 풀면 다시 할 수 있습니다.",
        "Too many wrong PINs: locked until the lock time is over or a manager lifts it.",
    ),
    AuthErrorCode.PIN_WAIT: Words(
        "PIN을 여러 번 틀렸습니다. {seconds}초 뒤에 다시 입력하세요.",
        "Too many wrong PINs. Type the PIN again in {seconds} s.",
    ),
    AuthErrorCode.NAME: Words(
        "사용자 이름을 입력하세요.",
        "Enter the user's name.",
    ),
    AuthErrorCode.PIN_FORMAT: Words(
        "PIN은 숫자 4~6자리입니다.",
        "A PIN is 4 to 6 digits.",
    ),
    AuthErrorCode.UNKNOWN_USER: Words(
        "없거나 사용 중지된 사용자입니다.",
        "No such user, or the user is disabled.",
    ),
    AuthErrorCode.WRONG_PIN: Words(
        "PIN이 틀렸습니다.",
        "Wrong PIN.",
    ),
    StaffErrorCode.LAST_ADMIN: Words(
        "{name}님은 마지막 관리자입니다. 다른 관리자를 먼저 만드세요.",
        "{name} is the last administrator. Make another administrator first.",
    ),
    StaffErrorCode.SELF: Words(
        "자기 계정은 사용 중지할 수 없습니다.",
        "You cannot disable your own account.",
    ),
    StaffErrorCode.NONE_SELECTED: Words(
        "먼저 직원을 고르세요.",
        "Choose a person first.",
    ),
    PermErrorCode.LAST_ADMIN: Words(
        "관리자 역할은 사용자 관리 권한을 잃을 수 없습니다.",
        "The administrator role cannot lose the right to manage users.",
    ),
    PermErrorCode.ROLE: Words(
        "알 수 없는 역할입니다.",
        "Unknown role.",
    ),
    PermErrorCode.UNKNOWN: Words(
        "알 수 없는 권한입니다.",
        "Unknown permission.",
    ),
}
