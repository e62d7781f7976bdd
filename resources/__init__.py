"""Bundled resources, the package ``posapp.resources`` (this top-level ``resources/`` folder,
mapped by ``package-dir`` in ``pyproject.toml``): the Korean font (NanumGothic, OFL) in
``fonts/``, the demo catalogue in ``demo/`` and the UI translations in ``i18n/``. Read them
with ``importlib.resources.files("posapp.resources")``, never by a path from ``__file__``."""
