"""Helpers shared by several test files and the benchmarks (no tests here): the reference
platform on 127.0.0.1 (:mod:`.platform_server`), an outbox backlog (:mod:`.backlog`), a TCP
proxy that cuts the line to PostgreSQL (:mod:`.tcpproxy`), a serial device on a pseudo-terminal
(:mod:`.ptydevice`), child-process tills (:mod:`.tills`, :mod:`.sale_loop`,
:mod:`.worker_proc`: run with ``python -m tests.support.NAME`` from the checkout) and the
hand-computed week of the report tests (:mod:`.report_week`)."""
