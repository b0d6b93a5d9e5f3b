"""The dashboard's Committed volumes box (issue 14, item 4): solve, metrics, Dependencies tab, link and briefing."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from tests.test_app import metric_table, run_app, shown_text


def route_flows(at) -> dict[tuple[str, str], float]:
    """The Dependencies tab's "Flows by route" chart as {(route, "baseline" | "scenario"): volume}."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    rows = spec["layer"][0]["data"]["values"]  # the data stays in the spec (geo.views.tables.inline_data)
    return {(r["route"], r["case"].split(" ")[0]): float(r["volume"]) for r in rows}


def test_committed_volumes_move_oil_onto_the_middle_corridor_and_the_link_keeps_them():
    at = run_app({"year": "2023", "preset": "middle-corridor-target"})
    box = at.sidebar.checkbox(key="w_committed")
    assert box.value is False and "lower bounds" in box.label
    # The preset's note names the box, not a CLI flag.
    assert "--committed" not in shown_text(at) and "Committed volumes ticked" in shown_text(at)
    metric_table(at)  # open the Dependencies tab
    plain = route_flows(at)
    # Capacity alone moves nothing: BTC carries its 2023 baseline of 1.057 Mt in both columns.
    assert plain[("BTC to Ceyhan", "baseline")] == plain[("BTC to Ceyhan", "scenario")] == 1.057

    at.sidebar.checkbox(key="w_committed").check().run()
    assert not at.exception
    flows = route_flows(at)
    # BTC committed at its 7 Mt/y target (data/scenarios.yaml, reuters-2025-10-14-btc): 1.057 -> 7.0 Mt in 2023,
    # as tests/test_scenario_modes.py works out for the CLI; nothing is switched off.
    assert flows[("BTC to Ceyhan", "baseline")] == 1.057
    assert flows[("BTC to Ceyhan", "scenario")] == 7.0
    assert at.sidebar.multiselect(key="w_off").value == []
    table = metric_table(at)
    # Total exports stay 69.785 Mt (nothing stranded); of the 7.0 - 1.057 = 5.943 Mt moved, the 0.335 Mt taken off
    # rail Baku-Batumi did not go via a Russian port either, so that share falls by (5.943 - 0.335) / 69.785 = 8.04 points.
    assert table.loc["Total exports (Mt/y, 2023)", "change"] == 0
    assert table.loc["Share via Russian ports (%)", "change"] == -8.04
    binding = next(df.value for df in at.dataframe if "constraint" in df.value.columns)
    assert "committed volume on btc" in set(binding["constraint"])
    ranges = next(df.value for df in at.dataframe if "central" in df.value.columns).set_index("metric")
    assert ranges.loc["Share of exports via Russian ports", "central"] == "86.8 %"  # 94.85 - 8.04, the ranges keep BTC at 7
    assert "committed volumes on" in at.caption[0].value  # the line above the metrics strip
    assert at.query_params["committed"] in ("1", ["1"])

    # The copied link opens with the box ticked and the same flows.
    link = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    again = run_app(link)
    assert again.sidebar.checkbox(key="w_committed").value is True
    assert route_flows(again)[("BTC to Ceyhan", "scenario")] == 7.0


def test_the_briefing_says_committed_volumes_are_on():
    at = run_app({"year": "2023", "preset": "middle-corridor-target", "committed": "1"})
    at.button(key="w_brief").click().run()
    assert not at.exception
    _, files = at.session_state["briefing"]
    text = " ".join(PdfReader(io.BytesIO(files[".pdf"])).pages[0].extract_text().split())
    assert "committed volumes on" in text
    assert "committed volumes on" in PdfReader(io.BytesIO(files[".pdf"])).metadata["/Subject"]
