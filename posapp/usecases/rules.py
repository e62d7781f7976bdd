"""The store policy as a till's use cases read it (:mod:`posapp.store_policy`): once per
:data:`POLICY_TTL_S` on the database worker, kept on the checkout session, so a scan's sanity
limits or a payment's money rules never cost a round trip each; the Qt thread reads only what
was last read (:func:`known_policy`), never the database. A sale's own transaction reads the
policy again where it decides (the discount limit in posapp.sales.completion)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from posapp import store_policy
from posapp.sales.tenders import VoucherKind

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

POLICY_TTL_S = 30.0  # a policy change reaches a till's scans within this


def policy(s: CheckoutSession) -> Mapping[str, int]:
    """The store policy for the open ticket's checks, read at most every :data:`POLICY_TTL_S`
    (the sale engine reads it again in the sale's own transaction), with the voucher kinds the
    store takes (:func:`accepted_vouchers`)."""
    now = time.monotonic()
    if s.policy_read is None or now - s.policy_read[0] > POLICY_TTL_S:
        base, texts = s.read(lambda uow: (store_policy.load(uow), store_policy.load_text(uow)))
        s.policy_read = (now, base)
        s.vouchers_read = (now, parse_voucher_kinds(texts["accepted_vouchers"]))
    return s.policy_read[1]


def known_policy(s: CheckoutSession) -> Mapping[str, int]:
    """The store policy as last read (by :func:`policy`, on the database worker), or the
    defaults before the first read: for the Qt thread, which never waits for the database."""
    return s.policy_read[1] if s.policy_read is not None else store_policy.Policy.defaults()


def accepted_vouchers(s: CheckoutSession) -> frozenset[VoucherKind]:
    """The voucher kinds the store takes (policy ``accepted_vouchers``), read at most every
    :data:`POLICY_TTL_S` on the database worker."""
    policy(s)  # read with the rest of the policy
    return known_accepted_vouchers(s)


def known_accepted_vouchers(s: CheckoutSession) -> frozenset[VoucherKind]:
    """The voucher kinds as last read (the store's default before the first read): for the
    Qt thread, which never waits for the database."""
    if s.vouchers_read is not None:
        return s.vouchers_read[1]
    return parse_voucher_kinds(store_policy.TEXT_BY_NAME["accepted_vouchers"].default)


def parse_voucher_kinds(text: str) -> frozenset[VoucherKind]:
    """The store policy's ``accepted_vouchers`` text as kinds (checked by the policy)."""
    return frozenset(VoucherKind(k) for k in store_policy.voucher_kinds(text))
