"""The Bria adapter against a protocol simulator (tests/fixtures/bria_sim.py) written from the Bria Desktop API
document, because Bria itself cannot run here: exact CallEvent sequences per scenario, reconnects, and garbage,
truncated, oversized and out-of-order messages (each kind of problem logged once, nothing escapes)."""
from __future__ import annotations

import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taltio.domain.events import SOFTPHONE_LOST
from taltio.adapters.softphone.bria import DEFAULT_URL, BriaAdapter, BriaProtocolError, parse_calls, parse_message
from taltio import settings as settings_mod
from tests.fixtures.bria_sim import BAD_ANSWERS, GARBAGE, OVERSIZED, BriaSim, SimCall, event, message, status_xml
from tests.helpers.waiting import wait_for

LOGGER = "taltio.softphone.bria"


class Sink(list):
    def seq(self) -> list[tuple[str, str]]:
        return [(e.kind.value, e.call_id) for e in self]

    def wait_len(self, n: int, timeout: float = 5.0) -> list[tuple[str, str]]:
        try:
            wait_for(lambda: len(self) >= n, timeout)
        except AssertionError:
            raise AssertionError(f"expected {n} events, got {self.seq()}") from None
        time.sleep(0.05)              # and no more than that
        return self.seq()


@pytest.fixture
def sim():
    s = BriaSim().start()
    yield s
    s.stop()


@pytest.fixture
def bria(sim):
    adapters = []

    def make(**kw) -> tuple[BriaAdapter, Sink]:
        kw.setdefault("backoff", (0.05, 0.2))
        a = BriaAdapter(sim.url, **kw)
        sink = Sink()
        a.start(sink.append)
        sim.wait_clients(len(adapters) + 1)
        sim.wait_served(len(adapters) + 1)          # the call list fetched at connect
        adapters.append(a)
        return a, sink

    yield make
    for a in adapters:
        a.stop()


# -- scenarios ----------------------------------------------------------------------------------------------

SCENARIOS = {
    "incoming_hold_resume_end": [("incoming", "c1"), ("answered", "c1"), ("hold", "c1"), ("unhold", "c1"),
                                 ("ended", "c1")],
    "outgoing": [("outgoing", "o1"), ("answered", "o1"), ("ended", "o1")],
    # B answered: Bria holds A by itself (one status); the swap: B held before A resumes.
    "two_calls_swap": [("incoming", "a"), ("answered", "a"), ("incoming", "b"), ("hold", "a"), ("answered", "b"),
                       ("hold", "b"), ("unhold", "a"), ("ended", "b"), ("ended", "a")],
    "cancel_before_answer": [("incoming", "x1"), ("ended", "x1")],
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_gives_the_exact_event_sequence(sim, bria, name, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    adapter, sink = bria()
    getattr(sim, name)()
    assert sink.wait_len(len(SCENARIOS[name])) == SCENARIOS[name]
    assert adapter.problems == {} and not caplog.records
    assert {e.source for e in sink} == {"bria"}
    first = sink[0]
    assert first.direction == ("outgoing" if name == "outgoing" else "incoming")
    # Numbers come from <participant><number>, SIP URIs reduced to the number.
    assert first.number == {"incoming_hold_resume_end": "+358401234567", "outgoing": "0401234567",
                            "two_calls_swap": "+358401111111", "cancel_before_answer": "+358403333333"}[name]


def test_status_is_shown_while_bria_is_away_and_events_continue_after_a_restart(sim, bria):
    statuses = []
    adapter, sink = bria()
    adapter.on_status = statuses.append
    sim.change(c1=SimCall("c1", "+358401234567", "ringing"))
    sim.update("c1", state="connected")
    assert sink.wait_len(2) == [("incoming", "c1"), ("answered", "c1")]
    sim.stop()                                              # Bria quits …
    wait_for(lambda: "retrying" in adapter.status, 5.0)
    assert any("not reachable" in s for s in statuses)
    served = sim.served
    sim.start()                                             # … and is back with the same call
    sim.wait_clients()
    sim.wait_served(served + 1)
    wait_for(lambda: adapter.status.startswith("connected"), 5.0)
    sim.update("c1", hold="localHold")
    sim.change(c1=None)
    # No second 'incoming' or 'answered' for the call it already knew.
    assert sink.wait_len(4) == [("incoming", "c1"), ("answered", "c1"), ("hold", "c1"), ("ended", "c1")]


def test_a_call_gone_while_bria_was_away_ends_on_reconnect(sim, bria):
    adapter, sink = bria()
    sim.change(c1=SimCall("c1", "+358401234567", "connected"))
    assert sink.wait_len(2) == [("incoming", "c1"), ("answered", "c1")]
    sim.stop()
    sim.calls.clear()                                       # Bria restarted: the call is gone
    served = sim.served
    sim.start()
    sim.wait_served(served + 1)
    assert sink.wait_len(3)[-1] == ("ended", "c1")


def test_calls_end_when_bria_stays_away(sim, bria):
    adapter, sink = bria(calls_lost_after=0.3)
    sim.change(c1=SimCall("c1", "+358401234567", "connected"))
    sink.wait_len(2)
    sim.stop()
    assert sink.wait_len(3)[-1] == ("ended", "c1")
    assert sink[-1].label == SOFTPHONE_LOST              # ends as interrupted, the recording kept


def test_connecting_to_nothing_retries_without_crashing():
    from tests.fixtures.ports import free_port

    a = BriaAdapter(f"ws://127.0.0.1:{free_port()}/counterpath/socketapi/v1", backoff=(0.02, 0.05))
    a.start(lambda ev: None)
    try:
        wait_for(lambda: "not reachable" in a.status, 5.0)
        assert a._thread.is_alive()
    finally:
        a.stop()
    assert not a._thread.is_alive() and a.status == "stopped"


# -- garbage -------------------------------------------------------------------------------------------------

def _logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def test_garbage_over_the_socket_is_logged_once_per_kind_and_calls_still_work(sim, bria, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    adapter, sink = bria()
    for _ in range(3):                                      # a flood: each kind is still logged once
        for _kind, data in GARBAGE:
            sim.send_raw(data)
        for _kind, answer in BAD_ANSWERS:
            sim.bad_answers.append(answer)
            sim.change()
    sim.incoming_hold_resume_end()
    assert sink.wait_len(5) == SCENARIOS["incoming_hold_resume_end"]
    kinds = {k for k, _ in GARBAGE} | {k for k, _ in BAD_ANSWERS}
    assert set(adapter.problems) == kinds
    assert all(n == 3 for n in adapter.problems.values()), adapter.problems
    lines = _logged(caplog)
    assert len(lines) == len(kinds), lines
    for kind in kinds:
        assert sum(f"({kind})" in m for m in lines) == 1, kind
    assert sim.connections == 1


def test_an_oversized_message_is_refused_and_the_adapter_reconnects(sim, bria, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    adapter, sink = bria()
    sim.send_raw(OVERSIZED)
    wait_for(lambda: sim.connections == 2, 5.0)
    sim.wait_clients()
    sim.send_raw(OVERSIZED)
    wait_for(lambda: sim.connections == 3, 5.0)
    sim.wait_clients()
    sim.cancel_before_answer()
    assert sink.wait_len(2) == SCENARIOS["cancel_before_answer"]
    assert adapter.problems == {"oversized": 2}
    assert sum("larger than" in m for m in _logged(caplog)) == 1


def test_out_of_order_changes(sim, bria, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    adapter, sink = bria()
    # First seen already connected (the ringing status was missed): introduced, then answered.
    sim.change(c1=SimCall("c1", "+358401234567", "connected"))
    # A state going backwards is not believed; the call stays answered.
    sim.update("c1", state="ringing")
    # A call that failed before it was ever seen is not a call; an ended call that reappears is not restarted.
    sim.change(f1=SimCall("f1", "+358409999999", "failed"))
    sim.change(f1=None, c1=None)
    sim.change(c1=SimCall("c1", "+358401234567", "connected"))
    # A late answer to a question no longer pending, and statusChange for things we do not follow.
    sim.send_raw(message("HTTP/1.1 200 OK", status_xml([SimCall("z", "1", "ringing")]), "taltio-1"))
    sim.send_raw(event("callHistory"))
    sim.send_raw(message("HTTP/1.1 200 OK", status_xml([SimCall("y", "2", "ringing")]), "someone-elses-id"))
    sim.cancel_before_answer()
    assert sink.wait_len(5) == [("incoming", "c1"), ("answered", "c1"), ("ended", "c1"), ("incoming", "x1"),
                                ("ended", "x1")]
    assert set(adapter.problems) == {"state-regression", "unexpected-response"}


def test_a_lost_answer_is_asked_again(sim, bria):
    adapter, sink = bria(response_timeout=0.3)
    sim.hold_answers = True
    sim.change(c1=SimCall("c1", "+358401234567", "ringing"), wait=False)
    wait_for(lambda: len(sim.requests) >= 2, 5.0)                # connect + this change: the latter goes unanswered
    sim.hold_answers = False                                # only a second GET /status can bring the call
    assert sink.wait_len(1, timeout=3) == [("incoming", "c1")]
    assert adapter.problems.get("no-response", 0) >= 1


# -- the parser, from the document's own examples -------------------------------------------------------------

DOC_EXAMPLE = """<?xml version="1.0" encoding="utf-8" ?>
<status type="call">
<call>
   <id>ea6c7664001343688013e3680013e368</id>
   <holdStatus>offHold</holdStatus>
   <participants><participant>
   <number>1440@zippy-voip.com</number><displayName>Rita Santos</displayName>
   <state>connecting</state><timeInitiated> 1303931552</timeInitiated>
   </participant></participants>
</call>
<call>
   <id>ea6c7664001343688013e3680013e369</id>
   <holdStatus>onHold</holdStatus>
   <participants>
   <participant><number>2758@zippy-voip.com</number><state>connected</state></participant>
   <participant><number>2764@zippy-voip.com</number><state>connected</state></participant>
   </participants>
</call>
</status>"""


def test_parser_reads_the_documented_call_status():
    stype, calls = parse_calls(DOC_EXAMPLE)
    assert stype == "call"
    assert [(c.id[-3:], c.state, c.held, c.number) for c in calls] == [
        ("368", "connecting", False, "1440@zippy-voip.com"), ("369", "connected", True, "2758@zippy-voip.com")]
    assert parse_calls('<status type="call"><call></call></status>') == ("call", [])      # "no calls"
    # The flat form (state and remoteParty directly in <call>), not in the 2017 document, is read too.
    flat = ('<status type="call"><call><id>f</id><holdStatus>localHold</holdStatus><remoteParty>+358401</remoteParty>'
            '<displayName/><state>Connected</state></call></status>')
    assert parse_calls(flat)[1][0].state == "connected" and parse_calls(flat)[1][0].number == "+358401"


def test_parser_splits_documented_messages():
    m = parse_message(event("call"))
    assert (m.kind, m.start, m.headers["user-agent"]) == ("event", "POST /statusChange", "Bria 5")
    m = parse_message("HTTP/1.1 200 OK\nTransaction-ID: 7\n<status type=\"call\"/>")     # no blank line
    assert (m.kind, m.status, m.headers["transaction-id"], m.body) == ("response", 200, "7", '<status type="call"/>')
    with pytest.raises(BriaProtocolError):
        parse_message("HTTP/1.1 abc\r\n\r\n")


def test_address_setting_and_url():
    assert BriaAdapter.from_address("127.0.0.1:4444").url == DEFAULT_URL
    assert BriaAdapter.from_address("ws://127.0.0.1:9/x").url == "ws://127.0.0.1:9/x"
    with pytest.raises(ValueError):
        BriaAdapter("http://127.0.0.1:9002/")
    spec = settings_mod.SCHEMA_BY_KEY if hasattr(settings_mod, "SCHEMA_BY_KEY") else \
        {s.key: s for s in settings_mod.SCHEMA}
    assert "bria" in spec["softphone.adapter"].choices
    assert spec["softphone.address"].validate("wss://cpclientapi.softphone.com:9002/counterpath/socketapi/v1") is None
    assert spec["softphone.address"].validate("nonsense") is not None


# -- fuzz -------------------------------------------------------------------------------------------------------

XMLISH = st.lists(st.sampled_from(list('<>/="? \n\r') + [
    "call", "status", "event", "type", "id", "state", "connected", "ringing", "holdStatus", "localHold", "participant",
    "participants", "number", "x", "1", "&amp;", "&#0;", "<![CDATA[", "]]>", "é", "\x00", '<?xml version="1.0"?>']),
    max_size=40).map("".join)
STARTS = st.sampled_from(["POST /statusChange", "HTTP/1.1 200 OK", "HTTP/1.1 503 Service Unavailable", "GET /status",
                          "POST", "HTTP/1.1", ""])
PAYLOADS = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    st.builds(lambda s, tid, body: s + ("\r\nTransaction-ID: " + tid if tid is not None else "") + "\r\n\r\n" + body,
              STARTS, st.one_of(st.none(), st.sampled_from(["taltio-1", "taltio-2", "other"])), XMLISH),
    st.builds(lambda body: message("HTTP/1.1 200 OK", body, "taltio-1"), XMLISH),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payloads=st.lists(PAYLOADS, min_size=1, max_size=8))
def test_fuzz_the_message_handler(payloads, caplog):
    """Random bytes and XML-ish messages: nothing escapes, no 'internal' problem (a bug), each kind logged once."""
    caplog.clear()
    a = BriaAdapter("ws://127.0.0.1:9/")
    a._sink = lambda ev: None
    sent = []
    a._request_calls(sent.append)                          # a GET /status "taltio-1" in flight
    with caplog.at_level(logging.WARNING, LOGGER):
        for p in payloads + payloads:                      # everything twice
            a.handle(p, sent.append)
    assert not [k for k in a.problems if k.startswith("internal")], a.problems
    assert len(_logged(caplog)) == len(a.problems)


def test_fuzz_over_the_socket(sim, bria):
    adapter, sink = bria()

    @settings(max_examples=30, deadline=None)
    @given(payload=PAYLOADS)
    def send(payload):
        sim.send_raw(payload)

    send()
    sim.cancel_before_answer()                             # still alive and still right
    seq = sink.wait_len(2)
    assert seq[-2:] == SCENARIOS["cancel_before_answer"]
    assert not [k for k in adapter.problems if k.startswith("internal")], adapter.problems
    assert adapter._thread.is_alive()


# -- end to end through the real app ------------------------------------------------------------------------------

def test_app_with_bria_shows_the_notice_card_and_closes_it_when_the_call_ends(qtbot, keyring_daemon, tmp_path,
                                                                             sim):
    """`softphone.adapter = "bria"`: the app picks the Bria adapter, a simulated call opens the card, its end closes it."""
    from tests.helpers.in_process import in_process_app, local_config

    config = local_config(tmp_path, f'[softphone]\nadapter = "bria"\naddress = "{sim.url}"\n')
    with in_process_app(tmp_path, config, keyring=keyring_daemon, start=False) as app:
        assert isinstance(app.adapter, BriaAdapter) and app.adapter.url == sim.url
        app.start()
        if app.staff_dialog is not None:
            app.staff_dialog.button.click()
        sim.wait_clients()
        qtbot.waitUntil(lambda: app.adapter.status.startswith("connected"), timeout=5000)
        assert app.status_doc()["softphone"] == f"connected to Bria at {sim.url}"     # `taltio status`
        sim.change(c9=SimCall("c9", "+358401234567@sip.example.com", "ringing"))
        sim.update("c9", state="connected")
        qtbot.waitUntil(lambda: app.card.isVisible() and app.card.call_id == "c9", timeout=5000)
        session = app.core.controller.sessions["c9"]
        assert session.number == "+358401234567"
        sim.change(c9=None)
        qtbot.waitUntil(lambda: not app.card.isVisible(), timeout=5000)
        assert app.core.controller.sessions.get("c9") is None or \
            app.core.controller.sessions["c9"].state.value == "ended"
