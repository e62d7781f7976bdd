"""Bundled resources: the Korean font (NanumGothic, OFL) and the demo catalogue data."""
