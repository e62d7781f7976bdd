"""Korean and English words for the error codes of till setup, backups and secrets:
:mod:`posapp.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.error_codes import (
    BackupErrorCode,
    PolicyErrorCode,
    RestoreErrorCode,
    SecretErrorCode,
    SetupErrorCode,
)

WORDS: dict[str, Words] = {
    PolicyErrorCode.UNKNOWN: Words(
        "알 수 없는 매장 정책 항목입니다.",
        "Unknown store-policy setting.",
    ),
    PolicyErrorCode.RANGE: Words(
        "{key}: {low}에서 {high} 사이의 숫자를 입력하세요.",
        "{key}: enter a number from {low} to {high}.",
    ),
    PolicyErrorCode.VOUCHER_KINDS: Words(
        "{key}: 모르는 상품권 종류입니다 ({wrong}). onnuri, local, onnuri_card, onnuri_mobile, "
        "local_mobile 중에서 쉼표로 적거나 none을 적으세요.",
        "{key}: unknown voucher kinds ({wrong}). List onnuri, local, onnuri_card, "
        "onnuri_mobile, local_mobile separated by commas, or none.",
    ),
    PolicyErrorCode.TEXT: Words(
        "{key}: 내용을 입력하세요.",
        "{key}: enter a value.",
    ),
    PolicyErrorCode.CHOICE: Words(
        "{key}: {choices} 중 하나를 입력하세요.",
        "{key}: enter one of {choices}.",
    ),
    SetupErrorCode.REGISTER_ID: Words(
        "계산대 번호는 영문·숫자 1~16자입니다: {value}",
        "A register number is 1 to 16 letters or digits: {value}",
    ),
    SetupErrorCode.REGISTER_NAME: Words(
        "계산대 이름을 입력하세요 (60자 이내).",
        "Enter the register's name (at most 60 characters).",
    ),
    SetupErrorCode.PRINTER_KIND: Words(
        "프린터 종류를 고르세요.",
        "Choose the kind of printer.",
    ),
    SetupErrorCode.PRINTER_HOST: Words(
        "네트워크 프린터의 주소(IP)를 입력하세요.",
        "Enter the network printer's address (IP).",
    ),
    SetupErrorCode.PRINTER_DEVICE: Words(
        "시리얼·장치 파일 프린터의 장치(포트)를 입력하세요.",
        "Enter the serial or device-file printer's device (port).",
    ),
    SetupErrorCode.PORT: Words(
        "포트 번호는 1~65535입니다: {value}",
        "A port number is 1 to 65535: {value}",
    ),
    SetupErrorCode.PAPER: Words(
        "용지 폭은 58mm 또는 80mm입니다.",
        "The paper is 58 mm or 80 mm wide.",
    ),
    SetupErrorCode.DRAWER_PIN: Words(
        "돈통 핀은 2 또는 5입니다.",
        "The drawer pin is 2 or 5.",
    ),
    SetupErrorCode.SCANNER_KIND: Words(
        "스캐너 종류를 고르세요.",
        "Choose the kind of scanner.",
    ),
    SetupErrorCode.SCALE_KIND: Words(
        "저울 종류를 고르세요.",
        "Choose the kind of scale.",
    ),
    SetupErrorCode.PORT_MISSING: Words(
        "{what} 포트를 입력하세요 (예: /dev/ttyUSB0, COM3).",
        "Enter the {what} port (e.g. /dev/ttyUSB0, COM3).",
    ),
    SetupErrorCode.DATABASE_URL: Words(
        "데이터베이스 주소는 sqlite:///파일 또는 postgresql://사용자@서버:포트/DB 형식입니다.",
        "A database address is sqlite:///file or postgresql://user@server:port/db.",
    ),
    SetupErrorCode.DB_CONNECT: Words(
        "데이터베이스 서버({host}:{port})에 연결할 수 없습니다. 주소·포트와 서버가 켜져 있는지 "
        "확인하세요.",
        "Cannot reach the database server ({host}:{port}). Check the address and port and that "
        "the server is on.",
    ),
    SetupErrorCode.DB_LOGIN: Words(
        "데이터베이스 사용자 이름이나 비밀번호가 맞지 않습니다 ({host}).",
        "The database user name or password is wrong ({host}).",
    ),
    SetupErrorCode.DB_MISSING: Words(
        "서버({host})에 데이터베이스 {name}이(가) 없습니다.",
        "The server ({host}) has no database {name}.",
    ),
    SetupErrorCode.DB_NEWER: Words(
        "이 데이터베이스는 더 새로운 프로그램의 스키마({revision})입니다. 프로그램을 "
        "업데이트하세요.",
        "This database has a newer program's schema ({revision}). Update the program.",
    ),
    SetupErrorCode.PLATFORM_URL: Words(
        "플랫폼 주소는 http:// 또는 https:// 로 시작합니다.",
        "The platform address starts with http:// or https://.",
    ),
    SetupErrorCode.CARD_TERMINAL: Words(
        "카드 단말기 주소는 tcp://주소:포트 입니다 (비우면 카드 수기 입력).",
        "The card terminal address is tcp://HOST:PORT (empty: cards keyed in by hand).",
    ),
    SetupErrorCode.LOCALE: Words(
        "지원하지 않는 화면 언어입니다: {value}",
        "This screen language is not supported: {value}",
    ),
    SetupErrorCode.FILE: Words(
        "설정 파일을 저장하지 못했습니다: {key}",
        "Could not save the settings file: {key}",
    ),
    BackupErrorCode.BAD_COPY: Words(
        "백업 사본 검사에 실패했습니다. 다시 백업하세요.",
        "The backup copy failed its check. Back up again.",
    ),
    BackupErrorCode.MEMORY: Words(
        "메모리 데이터베이스는 백업할 수 없습니다.",
        "An in-memory database cannot be backed up.",
    ),
    BackupErrorCode.NO_SOURCE: Words(
        "백업할 데이터베이스 파일이 없습니다.",
        "There is no database file to back up.",
    ),
    BackupErrorCode.NOT_SQLITE: Words(
        "SQLite 데이터베이스만 이 방법으로 백업합니다(PostgreSQL은 pg_dump).",
        "Only SQLite databases are backed up this way (PostgreSQL: pg_dump).",
    ),
    BackupErrorCode.SAME: Words(
        "백업 파일이 원본과 같은 파일입니다.",
        "The backup file is the database itself.",
    ),
    BackupErrorCode.SQLITE: Words(
        "백업 중 SQLite 오류가 났습니다.",
        "SQLite failed during the backup.",
    ),
    BackupErrorCode.TARGET_MISSING: Words(
        "백업 폴더 {folder}를 찾을 수 없습니다. USB 드라이브나 네트워크 공유가 연결되어 "
        "있는지 확인하세요. 다음 백업 때 다시 시도합니다.",
        "The backup folder {folder} cannot be found. Check that the USB drive or network "
        "share is connected. The next backup will try again.",
    ),
    BackupErrorCode.TARGET_NOT_WRITABLE: Words(
        "백업 폴더 {folder}에 쓸 수 없습니다(읽기 전용이거나 가득 찼습니다). 다음 백업 때 "
        "다시 시도합니다.",
        "The backup folder {folder} cannot be written (read-only or full). The next backup "
        "will try again.",
    ),
    BackupErrorCode.TOOL_MISSING: Words(
        "{tool} 프로그램이 없습니다. PostgreSQL 클라이언트(postgresql-client)를 설치하세요.",
        "{tool} is not installed. Install the PostgreSQL client (postgresql-client).",
    ),
    BackupErrorCode.PG_FAILED: Words(
        "PostgreSQL 백업(pg_dump) 또는 복원(pg_restore)이 실패했습니다. 다음 백업 때 다시 "
        "시도합니다.",
        "The PostgreSQL dump (pg_dump) or restore (pg_restore) failed. The next backup will "
        "try again.",
    ),
    RestoreErrorCode.OTHER_STORE: Words(
        "다른 매장의 백업이라 복원하지 않았습니다.",
        "Not restored: the backup is another store's.",
    ),
    RestoreErrorCode.ALTERED: Words(
        "백업의 구조가 바뀌어 있어(이 프로그램이 만들지 않은 트리거·뷰·테이블) 복원하지 "
        "않았습니다.",
        "Not restored: the backup's structure was altered (a trigger, view or table this "
        "program never makes).",
    ),
    RestoreErrorCode.OTHERS_CONNECTED: Words(
        "다른 계산대 {count}대가 아직 데이터베이스에 연결되어 있어 복원하지 않았습니다. 먼저 "
        "모두 종료하세요.",
        "Not restored: {count} other tills are still connected to the database. Close them first.",
    ),
    RestoreErrorCode.REFUSED: Words(
        "복원을 거부했습니다: 손상되었거나 POS 데이터베이스가 아닙니다.",
        "Restore refused: the file is damaged or not a POS database.",
    ),
    SecretErrorCode.NAME: Words(
        "알 수 없는 비밀 항목입니다.",
        "Unknown secret.",
    ),
    SecretErrorCode.PERMISSIONS: Words(
        "비밀 파일을 다른 사용자가 읽을 수 있습니다. 권한을 600으로 바꾸세요.",
        "Other users can read the secrets file. Change its mode to 600.",
    ),
}
