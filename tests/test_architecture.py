"""The layer rules of DESIGN §1, as import-linter contracts (pyproject.toml) that must hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "broken" in r.stdout.lower() or "kept" in r.stdout.lower()


def test_every_module_has_a_docstring() -> None:
    import ast

    missing = [
        str(p.relative_to(ROOT))
        for top in ("posapp", "posapp_devtools", "resources")
        for p in (ROOT / top).rglob("*.py")
        if "migrations/versions" not in str(p)
        and ast.get_docstring(ast.parse(p.read_text())) is None
    ]
    assert not missing, missing
