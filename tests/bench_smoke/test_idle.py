"""bench/idle.py: the PM QoS request holds while the block runs and is let go after it."""

from __future__ import annotations

import os
import struct

from bench import idle


def _current() -> int:
    # Reading the device gives the request in force (the strictest of all holders').
    with open(idle.PM_QOS, "rb") as f:
        return struct.unpack("i", f.read(4))[0]


def test_held_only_inside_the_block():
    if not os.access(idle.PM_QOS, os.W_OK):
        with idle.held_awake() as note:
            assert note.startswith("CPU idle states: as the machine has them (")
        return
    before = _current()
    with idle.held_awake() as note:
        assert note == f"CPU idle states: held at polling ({idle.PM_QOS} = 0)"
        assert _current() == 0
    assert _current() == before


def test_not_wanted_or_not_permitted_leaves_the_machine_alone(tmp_path, monkeypatch):
    with idle.held_awake(False) as note:
        assert note == "CPU idle states: as the machine has them"
    monkeypatch.setattr(idle, "PM_QOS", tmp_path / "missing")
    with idle.held_awake() as note:
        assert note.startswith("CPU idle states: as the machine has them (")
        assert "No such file" in note
