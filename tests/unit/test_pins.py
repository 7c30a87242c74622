"""constraints.txt and constraints-lowest.txt match pyproject.toml (both made by ``./dev lock``).

constraints.txt pins what ./dev, CI and the installers install; constraints-lowest.txt
pins the oldest release of each direct dependency, which the slow
tests/install/test_lowest_versions.py runs the tests with. A requirement added or
changed without running ``./dev lock`` fails here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Raised above our own bound by a test tool's requirement (schemathesis needs a newer
# jsonschema-rs); the app's bound is still true (checked by hand, see pyproject.toml).
RAISED_BY_TEST_TOOLS = {"jsonschema-rs"}


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, Version]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[_name(match[1])] = Version(match[2])
    return pins


def _requirements(*extras: str) -> list[Requirement]:
    project = PYPROJECT["project"]
    listed = project["dependencies"] + [
        r for extra in extras for r in project["optional-dependencies"][extra]]
    return [Requirement(r) for r in listed]


@pytest.mark.parametrize("requirement", _requirements("test", "bench", "installers"),
                         ids=str)
def test_constraints_pin_every_requirement_within_its_bounds(requirement):
    pins = _pins(ROOT / "constraints.txt")
    assert _name(requirement.name) in pins, "run ./dev lock"
    assert pins[_name(requirement.name)] in requirement.specifier, "run ./dev lock"


@pytest.mark.parametrize("requirement", _requirements("test"), ids=str)
def test_lowest_constraints_pin_each_lower_bound(requirement):
    pin = _pins(ROOT / "constraints-lowest.txt")[_name(requirement.name)]
    (bound,) = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    if _name(requirement.name) in RAISED_BY_TEST_TOOLS:
        assert pin >= bound
    else:
        # The bound is a release, and the lowest one is what the slow test installs.
        assert pin == bound, f"set the bound to {pin}, or run ./dev lock"


def test_briefcase_asks_for_the_same_versions_as_the_project():
    app = PYPROJECT["tool"]["briefcase"]["app"]["callsheet"]
    requires = {_name(Requirement(r).name): Requirement(r).specifier for r in app["requires"]}
    for requirement in _requirements():
        assert requires[_name(requirement.name)] == requirement.specifier, requirement.name


def test_briefcase_installs_under_the_constraints():
    app = PYPROJECT["tool"]["briefcase"]["app"]["callsheet"]
    assert app["requirement_installer_args"] == ["--constraint", "./constraints.txt"]
