"""Pure domain rules of the till: money, VAT, cart arithmetic, barcodes, Hangul search and the
store's calendar (time zone and business day, :mod:`posapp.domain.calendar`).

Owns the business arithmetic every other layer builds on. Nothing here imports Qt, SQLAlchemy
or any other ``posapp`` package; money is ``int`` won, quantities are ``int`` pieces or grams.
Import the submodules directly (``from posapp.domain.cart import price_cart``).
"""
