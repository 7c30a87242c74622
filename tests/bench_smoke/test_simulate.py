"""``callsheet-api simulate`` against an in-process server for two seconds."""

from __future__ import annotations

import io

from crm_api.cli import main
from crm_api.simulate import percentiles, simulate
from tests.api.conftest import API_KEY, api  # noqa: F401 - the server fixture


def test_simulator_runs_inbound_and_campaign_calls(api):  # noqa: F811
    company = api.company(phone="+4930111222330")
    person = api.person(company, phone="+4930111222331")
    api.store.create_campaign("sim_campaign", "Simulated", _cli())
    from shared.model import ContactRef

    api.store.assign_contacts("sim_campaign", [ContactRef(None, person)], _cli())
    out = io.StringIO()
    summary = simulate(api.url, API_KEY, agents=3, duration=2, seed=1,
                       campaigns=["sim_campaign"], think=0.01, out=out)
    assert summary.errors == 0, summary.error_samples
    assert summary.ops["lookup"].ms and summary.ops["post_call"].ms
    text = out.getvalue()
    assert "lookup" in text and "p99 ms" in text
    assert api.store.count_calls() >= len(summary.ops["post_call"].ms)


def test_simulate_command_exits_1_on_a_wrong_key(api, capsys):  # noqa: F811
    code = main(["simulate", "--url", api.url, "--key", "wrong", "--agents", "1",
                 "--duration", "1", "--read-only"])
    assert code == 1
    assert "lookup" in capsys.readouterr().out


def test_percentiles_nearest_rank():
    assert percentiles([], (50,)) == [0.0]
    assert percentiles(list(range(1, 101)), (50, 99)) == [50, 99]


def _cli():
    from shared.model import Actor

    return Actor("cli")
