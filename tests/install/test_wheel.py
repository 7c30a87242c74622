"""The wheel (``pip install .``, as README's Team setup installs the API service) carries
everything the programs read at run time, not only the Python files: the API served
``/openapi.json`` and validated every body against a document the wheel did not have,
so every such request was a 500 outside a checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_list_names_every_package_of_the_repository():
    """pyproject lists the packages (to map resources/ into the wheel): a new package
    must be added there, or the wheel would lack it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    # callsheet.resources and its folders are the data mapped from resources/.
    listed = {p for p in config["packages"] if not p.startswith("callsheet.resources")}
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for top in ("callsheet", "crm_api", "crm_desktop", "shared")
             for p in (ROOT / top).rglob("__init__.py")}
    assert listed == found


def test_the_installed_api_reads_its_openapi_document(tmp_path):
    # Built from a copy of the repository's files (pip builds in the source folder).
    src = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           check=True, capture_output=True, text=True).stdout.splitlines()
    for name in files:
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w",
                            str(tmp_path), str(src)], cwd=tmp_path, capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    # Every data folder is declared: setuptools says nothing of "Package would be ignored".
    assert "would be ignored" not in built.stdout + built.stderr
    (wheel,) = tmp_path.glob("callsheet-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        z.extractall(site)
    assert {"callsheet/resources/openapi.json", "callsheet/resources/icons/callsheet.svg",
            "callsheet/resources/i18n/callsheet_de.ts"} <= names
    # The wheel's packages, not this checkout's: run from elsewhere, the wheel first.
    probe = (f"import sys; sys.path.insert(0, {str(site)!r});"
             "from crm_api import openapi;"
             f"assert openapi.__file__.startswith({str(site)!r}), openapi.__file__;"
             "print(openapi.DOCUMENT_PATH); print(openapi.document()['openapi'])")
    out = subprocess.run([sys.executable, "-c", probe], check=True, cwd=tmp_path,
                         capture_output=True, text=True).stdout.splitlines()
    assert out[0] == str(site / "callsheet" / "resources" / "openapi.json")
    assert out[1] == json.loads((ROOT / "resources" / "openapi.json").read_text())["openapi"]
