"""What a till runs: importing every ``posapp`` module (the app and the admin CLI included)
loads neither the web server (starlette, uvicorn) nor the test tooling (``posapp_devtools``),
and the wheel's package list names every package directory."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_IMPORT_ALL = r"""
import importlib, pkgutil, sys
import posapp, posapp.app, posapp.cli
names = [m.name for m in pkgutil.walk_packages(posapp.__path__, "posapp.")]
for name in names:
    if ".migrations" not in name:  # alembic scripts: run by alembic, not imported
        importlib.import_module(name)
loaded = sorted(
    m for m in sys.modules if m.split(".")[0] in ("starlette", "uvicorn", "posapp_devtools")
)
print(len(names), loaded)
"""


def test_no_posapp_module_loads_the_web_server_or_the_tooling(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL],
        cwd=tmp_path,  # outside the checkout: the installed mapping is what is imported
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    count, _, loaded = r.stdout.strip().partition(" ")
    assert int(count) > 50, r.stdout  # it did walk the package
    assert loaded == "[]", f"a till would load {loaded}"


def test_runtime_dependencies_leave_out_the_web_server() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    assert "starlette" not in runtime and "uvicorn" not in runtime
    devtools = " ".join(project["optional-dependencies"]["devtools"]).lower()
    assert "starlette" in devtools and "uvicorn" in devtools


def test_every_package_directory_is_in_the_wheel() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    listed = set(setuptools["packages"])
    mapped = {name: ROOT / path for name, path in setuptools.get("package-dir", {}).items()}

    def folder(package: str) -> Path:
        parts = package.split(".")
        for n in range(len(parts), 0, -1):
            if (head := ".".join(parts[:n])) in mapped:
                return mapped[head].joinpath(*parts[n:])
        return ROOT.joinpath(*parts)

    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("posapp", "posapp_devtools")
        for init in (ROOT / top).rglob("__init__.py")
    }
    for name, path in mapped.items():
        found |= {
            ".".join((name, *init.parent.relative_to(path).parts))
            for init in path.rglob("__init__.py")
        }
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    gone = sorted(p for p in listed if not folder(p).is_dir())
    assert not gone, f"listed in pyproject.toml but no such folder: {gone}"
