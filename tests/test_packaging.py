"""A built wheel, installed in a fresh virtual environment, finds every check: the plugin path users get."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from fixture_support import declared_checks

from newslint.suppression import ENGINE_CHECKS

# Slow: builds a wheel and installs it into a fresh virtual environment. `pytest -m "not e2e"` skips it.
pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    [built] = out.glob("newslint-*.whl")
    return built


def test_wheel_installs_checks_under_newslint_not_a_bare_checks_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslint/checks/promo_text.py" in names
    assert "newslint/checks/data/promo_phrases.txt" in names
    assert not [name for name in names if name.startswith("checks/")]


def test_installed_wheel_lists_every_check(wheel: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True)
    listed = subprocess.run([str(environment / "bin" / "newslint"), "--list-checks"], check=True,
                            capture_output=True, text=True, cwd=tmp_path).stdout
    listed_names = {line.split()[0] for line in listed.splitlines() if line.strip()}
    # Compared with the declaration, not with load_checks(): this environment's own install (an editable
    # checkout, or a stale one) must not decide what the wheel is expected to contain.
    assert listed_names == set(declared_checks()) | set(ENGINE_CHECKS)
    # The installed copy is the one that answered, not this checkout.
    where = subprocess.run([str(python), "-c", "import newslint.checks, sys; print(newslint.checks.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(environment) in where
