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

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

POLICY_TTL_S = 30.0  # a policy change reaches a till's scans within this


def policy(s: CheckoutSession) -> Mapping[str, int]:
    """The store policy for the open ticket's checks, read at most every :data:`POLICY_TTL_S`
    (the sale engine reads it again in the sale's own transaction)."""
    now = time.monotonic()
    if s.policy_read is None or now - s.policy_read[0] > POLICY_TTL_S:
        s.policy_read = (now, s.read(store_policy.load))
    return s.policy_read[1]


def known_policy(s: CheckoutSession) -> Mapping[str, int]:
    """The store policy as last read (by :func:`policy`, on the database worker), or the
    defaults before the first read: for the Qt thread, which never waits for the database."""
    return s.policy_read[1] if s.policy_read is not None else store_policy.Policy.defaults()
