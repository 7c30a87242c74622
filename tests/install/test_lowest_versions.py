"""The lower bounds in pyproject.toml are true: the tests pass with the oldest allowed
release of every direct dependency (constraints-lowest.txt, made by ``./dev lock``).

Slow (it makes a virtual environment and installs into it, a few minutes the first
time): ``./dev test -m slow tests/install``. The hosted workflow runs it too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOWEST = ROOT / "constraints-lowest.txt"
# Every layer: the store (what a wrong sqlite-utils bound broke), the CLI, import and
# export, the API over Waitress, the desktop with Qt. Left out: the two schemathesis
# modules, which the lowest hypothesis makes take many minutes just to collect (they
# passed with schemathesis 4.18 when the bound was set).
SUITES = ["tests/store", "tests/cli", "tests/io", "tests/unit", "tests/api",
          "tests/reliability", "tests/gui",
          "--ignore=tests/api/test_schemathesis_api.py",
          "--ignore=tests/reliability/test_bad_input.py"]


def _pins(text: str) -> dict[str, str]:
    """``name==version`` lines (requirements, constraints, pip freeze) as a dict."""
    pins = {}
    for line in text.splitlines():
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_the_tests_pass_with_the_lowest_allowed_versions(tmp_path):
    env_dir = tmp_path / "lowest"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    environ = {**os.environ, "PIP_CONSTRAINT": str(LOWEST), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([python, "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"],
                   cwd=ROOT, env=environ, check=True)

    freeze = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True,
                            check=True).stdout
    installed, lowest = _pins(freeze), _pins(LOWEST.read_text(encoding="utf-8"))
    for name in ("sqlite-utils", "pyside6-essentials", "falcon", "waitress", "phonenumbers"):
        assert installed[name] == lowest[name], name

    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environ.pop("PYTHONPATH", None)
    done = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITES],
                          cwd=ROOT, env=environ, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    print(done.stdout.splitlines()[-1], file=sys.stderr)

