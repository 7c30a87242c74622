"""Where the files of the repository's ``resources/`` folder are (the OpenAPI document,
icons, translation sources).

In a checkout (and an editable install) the folder sits beside the packages. A wheel
(``pip install .``, as Team setup installs the API service) carries it as the package
``callsheet.resources`` (pyproject.toml maps the folder there): without that, the
service would answer every request that needs the OpenAPI document with a 500.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent
_PLACES = (_HERE / "resources", _HERE / "callsheet" / "resources")


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts>`` (in the first place that has the folder)."""
    for base in _PLACES:
        if base.is_dir():
            return base.joinpath(*parts)
    return _PLACES[0].joinpath(*parts)
