"""Qt widgets: windows, screens, models and dialogs. Calls use cases (posapp.usecases) through
:mod:`posapp.ui.operations`, never the database or a service package (an import-linter contract
in pyproject.toml)."""
