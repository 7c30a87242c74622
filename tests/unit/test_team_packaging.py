"""The API service's packaging (systemd unit, environment file, Windows notes) and the
README's "Team setup" stay valid and in step with each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "systemd" / "callsheet-api.service"
ENV = ROOT / "packaging" / "systemd" / "callsheet-api.env.example"
WINDOWS = ROOT / "packaging" / "windows" / "SERVICE.md"
README = ROOT / "README.md"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(UNIT.read_text())
    return parser


def team_setup() -> str:
    text = README.read_text()
    start = text.index("## Team setup")
    return text[start:text.index("\n## ", start + 1)]


def test_unit_runs_serve_as_callsheet_and_restarts_on_failure() -> None:
    service = unit()["Service"]
    assert service["User"] == "callsheet"
    assert service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/callsheet/callsheet-api.env"
    assert service["ExecStart"] == "/opt/callsheet/.venv/bin/callsheet-api serve"
    assert unit()["Install"]["WantedBy"] == "multi-user.target"
    assert "postgresql.service" in unit()["Unit"]["After"]


def test_unit_passes_systemds_own_check() -> None:
    """systemd-analyze (where installed) reads the unit as systemd will: an unknown key or
    a bad value is a warning on its output."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        return  # the configparser checks above still ran
    copy = Path(tempfile.mkdtemp()) / UNIT.name
    # The real ExecStart exists only once installed; the check wants an executable.
    copy.write_text(re.sub(r"^ExecStart=\S+", "ExecStart=/bin/true", UNIT.read_text(),
                           flags=re.M))
    out = subprocess.run([tool, "verify", str(copy)], capture_output=True, text=True,
                         timeout=60)
    shutil.rmtree(copy.parent)
    assert out.returncode == 0 and out.stdout + out.stderr == "", out.stdout + out.stderr


def test_environment_file_names_every_setting_the_unit_promises() -> None:
    values = dict(line.split("=", 1) for line in ENV.read_text().splitlines()
                  if line and not line.startswith("#"))
    assert values["CALLSHEET_DB"].startswith("postgresql://")
    assert ":" not in values["CALLSHEET_DB"].split("//", 1)[1].split("@")[0]  # no password
    assert {"PGPASSWORD", "CALLSHEET_API_KEY", "CALLSHEET_HOST", "CALLSHEET_PORT"} <= set(values)


def test_readme_team_setup_covers_the_whole_way() -> None:
    text = team_setup()
    for needed in ("apt-get install -y postgresql", "CREATE ROLE callsheet",
                   "CREATE DATABASE callsheet", "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                   "systemctl enable --now callsheet-api", "callsheet-api copy",
                   "Test connection", "Open card", "shared database unreachable",
                   "packaging/windows/SERVICE.md", "--with-key"):
        assert needed in text, needed
    # Every file the section tells people to copy exists.
    for path in re.findall(r"/opt/callsheet/(packaging/\S+)", text):
        assert (ROOT / path).exists(), path
    assert (ROOT / "packaging/windows/SERVICE.md").exists()


def test_windows_notes_cover_nssm_and_task_scheduler() -> None:
    text = WINDOWS.read_text()
    assert "nssm install CallsheetAPI" in text and "callsheet-api.exe serve" in text
    assert "Register-ScheduledTask" in text and "-AtStartup" in text
    assert "CALLSHEET_DB=postgresql://" in text
    assert "AppExit Default Restart" in text
