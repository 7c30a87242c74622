"""Checks on what the installers are built from.

The installers are only built by the hosted workflow
(.github/workflows/installers.yml), never on a developer machine, so these
tests catch what would otherwise only fail there: a malformed workflow, a
missing or wrongly sized icon, a Briefcase configuration that points at
folders or icons that do not exist or forgets a runtime dependency.
"""

from __future__ import annotations

import os
import re
import struct
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW_PATH = ROOT / ".github" / "workflows" / "installers.yml"
PYPROJECT_PATH = ROOT / "pyproject.toml"
ICON_BASE = "resources/icons/callsheet"
APP_NAME = "callsheet"

# Linux system packages, AppImage and Flatpak take callsheet-<size>.png for
# these sizes; 1024 is the master copy; callsheet.png is the window icon.
LINUX_ICON_SIZES = (16, 32, 64, 128, 256, 512)
PNG_ICONS = {f"{ICON_BASE}-{size}.png": size for size in (*LINUX_ICON_SIZES, 1024)}
PNG_ICONS[f"{ICON_BASE}.png"] = 256

# One PySide6 distribution is two on the package index: the meta-package
# `pyside6` is satisfied by these two.
PYSIDE6_PARTS = {"pyside6-essentials", "pyside6-addons"}


# --- the workflow -----------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW_PATH.read_text(encoding="utf-8"))


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers is not None, "the workflow has no `on:` triggers"
    return triggers


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uploads(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]


def _needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def _packaging_jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: job
        for name, job in workflow["jobs"].items()
        if any("briefcase package" in run for run in _runs(job))
    }


def test_workflow_runs_on_version_tags_and_by_hand(workflow):
    triggers = _triggers(workflow)
    assert "v*" in triggers["push"]["tags"]
    assert "workflow_dispatch" in triggers


def test_every_job_has_a_runner_and_steps(workflow):
    assert workflow["jobs"], "the workflow has no jobs"
    for name, job in workflow["jobs"].items():
        assert job.get("runs-on"), f"job {name!r} has no runs-on"
        assert isinstance(job.get("steps"), list) and job["steps"], f"job {name!r} has no steps"


def test_every_step_either_uses_an_action_or_runs_a_command(workflow):
    for name, job in workflow["jobs"].items():
        for index, step in enumerate(job["steps"]):
            kinds = {"uses", "run"} & set(step)
            assert len(kinds) == 1, f"step {index} of job {name!r} needs exactly one of uses/run"


def test_needs_refer_to_existing_jobs(workflow):
    jobs = workflow["jobs"]
    for name, job in jobs.items():
        for needed in _needs(job):
            assert needed in jobs, f"job {name!r} needs unknown job {needed!r}"
            assert needed != name


def _runs_tests(run: str) -> bool:
    return any(command in run for command in ("pytest", ".ci/run", "./dev test"))


def test_the_test_suite_runs_first_with_qt_offscreen(workflow):
    test_jobs = [
        name for name, job in workflow["jobs"].items() if any(_runs_tests(r) for r in _runs(job))
    ]
    assert test_jobs, "no job runs the tests"
    for name in test_jobs:
        job = workflow["jobs"][name]
        assert str(job["runs-on"]).startswith("ubuntu")
        step = next(s for s in job["steps"] if _runs_tests(s.get("run", "")))
        env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
        offscreen = "QT_QPA_PLATFORM=offscreen" in step["run"]
        assert offscreen or env.get("QT_QPA_PLATFORM") == "offscreen"
        assert any("libegl1" in r and "libxkbcommon0" in r for r in _runs(job)), (
            "the test job must install Qt's Debian libraries"
        )

    for name, job in _packaging_jobs(workflow).items():
        assert set(test_jobs) <= set(_needs(job)), f"packaging job {name!r} does not wait for tests"


def test_the_default_tests_and_the_lowest_versions_both_run(workflow):
    runs = [r for job in workflow["jobs"].values() for r in _runs(job)]
    assert ".ci/run" in runs, "CI's own command, with the pinned constraints"
    assert any("./dev test -m slow tests/install" in r for r in runs), (
        "tests/install/test_lowest_versions.py is slow, so only a job of its own runs it")


@pytest.mark.parametrize(
    ("runner", "command"),
    [
        ("windows", "briefcase package windows"),
        ("macos", "briefcase package macOS"),
        ("ubuntu", "briefcase package linux system"),
    ],
)
def test_each_platform_is_packaged_on_its_own_runner(workflow, runner, command):
    jobs = [
        job
        for job in workflow["jobs"].values()
        if str(job["runs-on"]).startswith(runner) and any(command in r for r in _runs(job))
    ]
    assert jobs, f"no {runner} job runs {command!r}"


def test_packaging_jobs_create_build_package_and_upload(workflow):
    packaging = _packaging_jobs(workflow)
    assert len(packaging) >= 3
    for name, job in packaging.items():
        runs = _runs(job)
        order = [
            next(i for i, r in enumerate(runs) if f"briefcase {verb}" in r)
            for verb in ("create", "build", "package")
        ]
        assert order == sorted(order), f"job {name!r} must create, then build, then package"
        for run in runs:
            if re.search(r"briefcase (create|build|package)", run):
                assert "--no-input" in run, f"{run!r} in job {name!r} could stop at a prompt"

        uploads = _uploads(job)
        assert uploads, f"job {name!r} does not upload its installer"
        assert uploads[0]["with"]["path"].startswith("dist")
        actions = [s["uses"] for s in job["steps"] if "uses" in s]
        assert "actions/checkout@v4" in actions
        # A system package is built on the distribution's own Python, in its container.
        assert "actions/setup-python@v5" in actions or job.get("container")


def test_packaging_jobs_install_briefcase_from_the_constraints(workflow):
    for name, job in _packaging_jobs(workflow).items():
        installs = [r for r in _runs(job) if "pip install" in r and "briefcase" in r]
        assert installs and all("-c constraints.txt" in r for r in installs), name


def test_packaging_jobs_run_the_built_installer(workflow):
    """After packaging, each job installs (or opens) what it built and asks it for
    ``--version``, checking the version from pyproject.toml is in the answer."""
    for name, job in _packaging_jobs(workflow).items():
        runs = _runs(job)
        packaged = next(i for i, r in enumerate(runs) if "briefcase package" in r)
        smoke = [r for r in runs[packaged + 1:] if "--version" in r]
        assert smoke, f"job {name!r} never runs what it built"
        assert "Callsheet $expected" in smoke[0] and "SQLite" in smoke[0]
        assert "dist" in smoke[0], f"job {name!r} must run the installer it built"


def test_macos_package_is_ad_hoc_signed(workflow):
    runs = [r for job in workflow["jobs"].values() for r in _runs(job)]
    macos = [r for r in runs if "briefcase package macOS" in r]
    assert macos and all("--adhoc-sign" in r for r in macos)


def test_artifact_names_are_unique(workflow):
    names = [step["with"]["name"] for job in workflow["jobs"].values() for step in _uploads(job)]
    assert len(names) == len(set(names)), "upload-artifact@v4 fails on a repeated name"


# --- the icons --------------------------------------------------------------


@pytest.mark.parametrize(("path", "size"), sorted(PNG_ICONS.items()))
def test_png_icon_has_its_size(path, size):
    image = QImage(str(ROOT / path))
    assert not image.isNull(), f"{path} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel(), f"{path} needs transparent corners"


def test_ico_holds_the_windows_sizes():
    data = (ROOT / f"{ICON_BASE}.ico").read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00"
    (count,) = struct.unpack_from("<H", data, 4)
    # Each directory entry starts with width and height bytes; 0 means 256.
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_icns_is_a_complete_apple_icon():
    data = (ROOT / f"{ICON_BASE}.icns").read_bytes()
    assert data[:4] == b"icns"
    (length,) = struct.unpack_from(">I", data, 4)
    assert length == len(data)
    types, offset = set(), 8
    while offset < len(data):
        kind, size = struct.unpack_from(">4sI", data, offset)
        types.add(kind)
        offset += size
    # ic07..ic10: 128, 256, 512 and 1024 px; ic11..ic14: the Retina 16..512.
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= types


# --- the Briefcase configuration in pyproject.toml --------------------------


def _distribution(requirement: str) -> str:
    """The normalised distribution name of a PEP 508 requirement."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1)
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def pyproject() -> dict[str, Any]:
    with PYPROJECT_PATH.open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def briefcase(pyproject) -> dict[str, Any]:
    config = pyproject.get("tool", {}).get("briefcase")
    if config is None:
        pytest.skip("pyproject.toml has no [tool.briefcase] table yet")
    return config


@pytest.fixture(scope="module")
def app(briefcase) -> dict[str, Any]:
    apps = briefcase.get("app", {})
    assert APP_NAME in apps, f"[tool.briefcase.app.{APP_NAME}] is missing"
    return apps[APP_NAME]


def test_app_sources_exist(app):
    sources = app.get("sources", [])
    assert sources
    for source in sources:
        if source == "resources":  # data, not code: see the test below
            assert (ROOT / source).is_dir()
            continue
        assert (ROOT / source / "__init__.py").is_file(), f"source {source!r} is not a package"


def test_the_app_as_briefcase_lays_it_out_finds_its_resources(app, tmp_path):
    """Briefcase copies each source folder into the bundle's app folder and runs from
    there: the embedded API must find its OpenAPI document and the window its icon (the
    bundle once lacked resources/, so every validated request would have been a 500)."""
    import shutil
    import subprocess
    import sys

    bundle = tmp_path / "app"
    for source in app["sources"]:
        shutil.copytree(ROOT / source, bundle / Path(source).name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys; sys.path.insert(0, sys.argv[1]);"
             "from crm_api import openapi; from crm_desktop import icons;"
             "assert openapi.__file__.startswith(sys.argv[1]), openapi.__file__;"
             "print(openapi.DOCUMENT_PATH); print(openapi.document()['openapi']);"
             "print(icons.ICONS.joinpath('callsheet.svg').is_file())")
    out = subprocess.run([sys.executable, "-c", probe, str(bundle)], cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout.splitlines()
    assert out[0] == str(bundle / "resources" / "openapi.json")
    assert out[1].startswith("3.")
    assert out[2] == "True"


def test_sources_include_the_package_briefcase_starts(app):
    # Briefcase starts the app with `python -m callsheet` and refuses a
    # configuration without a source package of that name.
    names = {source.rsplit("/", 1)[-1] for source in app["sources"]}
    assert APP_NAME in names
    source = next(s for s in app["sources"] if s.rsplit("/", 1)[-1] == APP_NAME)
    assert (ROOT / source / "__main__.py").is_file()


def test_app_icon_has_every_platform_file(briefcase, app):
    icon = app.get("icon", briefcase.get("icon"))
    assert icon == ICON_BASE
    expected = [f"{icon}.icns", f"{icon}.ico"] + [f"{icon}-{s}.png" for s in LINUX_ICON_SIZES]
    missing = [path for path in expected if not (ROOT / path).is_file()]
    assert not missing


def test_requires_names_every_project_dependency(pyproject, briefcase, app):
    requires = {_distribution(r) for r in briefcase.get("requires", []) + app.get("requires", [])}
    if PYSIDE6_PARTS <= requires:
        requires.add("pyside6")
    dependencies = {_distribution(d) for d in pyproject["project"]["dependencies"]}
    missing = sorted(dependencies - requires)
    assert not missing, f"add {missing} to [tool.briefcase.app.{APP_NAME}] requires"


def test_description_fits_package_metadata(pyproject, briefcase, app):
    description = app.get("description") or briefcase.get("description")
    description = description or pyproject["project"]["description"]
    assert len(description) <= 80, "Briefcase truncates descriptions over 80 characters"


def test_license_files_exist(pyproject, briefcase, app):
    files = (
        app.get("license-files")
        or briefcase.get("license-files")
        or pyproject["project"].get("license-files", [])
    )
    assert files
    for path in files:
        assert (ROOT / path).is_file()
