"""Pure domain rules of the till: money, VAT, cart arithmetic, barcodes and Hangul search.

Owns the business arithmetic every other layer builds on. Nothing here imports Qt, SQLAlchemy
or any other ``posapp`` package; money is ``int`` won, quantities are ``int`` pieces or grams.
Import the submodules directly (``from posapp.domain.cart import price_cart``).
"""
