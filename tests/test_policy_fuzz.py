"""The policy parser under hypothesis: random bytes and well-formed-but-wrong documents.

Every input is signed with a trusted key, so the parser (not the signature check) sees it.
Whatever the input, verify() returns a Policy that obeys every rule, or raises PolicyError
with a known reason and a non-empty message; nothing else escapes.
"""
from __future__ import annotations

import datetime as dt
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taltio.domain import policy as pol
from taltio.domain import sshsig
from taltio.settings import BY_KEY, SCHEMA

KEY = Ed25519PrivateKey.generate()
ALLOWED = [sshsig.public_openssh(KEY.public_key(), "sup")]
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
FUZZ = settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)
setting_keys = st.sampled_from([s.key for s in SCHEMA])
times = st.one_of(st.sampled_from(["2025-05-01T00:00:00Z", "2025-07-01T00:00:00Z", "2025-06-01T12:04:00Z",
                                   "2025-06-01T12:06:00Z", "2025-13-01T00:00:00Z", "2025-05-01 00:00:00",
                                   "2025-05-01T00:00:00+00:00", "2025-05-01T00:00:00.123456Z", ""]),
                  st.text(max_size=25), st.integers())
targets = st.one_of(st.sampled_from(["org", "group:sales", "agent:agent-7", "group:", "agent:../x", "group:a/b",
                                     "Org", "group:sales:x", "agent:" + "x" * 65]), st.text(max_size=20),
                    json_values)


def valid_doc() -> dict:
    return pol.new_document("org", 3, NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=30),
                            {"privacy.max_private_per_day": 2})


def check(raw: bytes, sig: bytes | None = None, expected_target: str | None = None) -> pol.Policy | None:
    """The property: a valid Policy or a clear PolicyError, never anything else."""
    sig = pol.sign(raw, KEY) if sig is None else sig
    try:
        p = pol.verify(raw, sig, ALLOWED, 2, NOW, expected_target=expected_target, schema=BY_KEY)
    except pol.PolicyError as exc:
        assert isinstance(exc.reason, pol.Reason)
        assert str(exc).strip() and len(str(exc)) < 2000
        return None
    # Accepted: then it really obeys every rule.
    assert p.version > 2 and p.raw == raw
    assert p.issued_at <= NOW + pol.CLOCK_SKEW < p.expires_at + pol.CLOCK_SKEW and p.expires_at > NOW
    pol.check_target(p.target)
    for key, value in p.settings.items():
        assert BY_KEY[key].settable_by("supervisor")
        BY_KEY[key].check(value, "fuzz")
    json.loads(raw)
    return p


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes(raw: bytes):
    check(raw)


@FUZZ
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_random_signature_bytes(raw: bytes, sig: bytes):
    assert check(raw, sig) is None


@FUZZ
@given(st.text(max_size=400))
def test_random_text(text: str):
    check(text.encode())


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(pol.TOP_KEYS | {"extra", "Version", "signature"})), json_values,
                       max_size=10))
def test_random_top_level_fields(fields: dict):
    doc = valid_doc()
    doc.update(fields)
    check(json.dumps(doc).encode())


@FUZZ
@given(st.dictionaries(st.one_of(setting_keys, st.text(max_size=20)), json_values, max_size=6))
def test_wrong_settings(settings_: dict):
    doc = valid_doc()
    doc["settings"] = settings_
    check(json.dumps(doc).encode())


@FUZZ
@given(setting_keys, st.data())
def test_each_setting_with_plausible_and_wrong_values(key: str, data: st.DataObject):
    setting = BY_KEY[key]
    plausible = {bool: st.booleans(), int: st.integers(min_value=-10, max_value=5000),
                 float: st.floats(min_value=-10, max_value=5000), str: st.text(max_size=40),
                 list: st.lists(st.text(max_size=20), max_size=4)}[setting.type]
    value = data.draw(st.one_of(plausible, json_values))
    doc = valid_doc()
    doc["settings"] = {key: value}
    p = check(json.dumps(doc).encode())
    if p is not None:
        assert setting.settable_by("supervisor")
    if not setting.settable_by("supervisor"):
        assert p is None


@FUZZ
@given(st.sampled_from(["version", "format", "issued_at", "expires_at", "target", "schema", "comment"]),
       st.one_of(json_values, times, targets))
def test_one_field_wrong(field: str, value):
    doc = valid_doc()
    doc[field] = value
    check(json.dumps(doc).encode(), expected_target="org")


@FUZZ
@given(st.sampled_from(sorted(pol.REQUIRED_KEYS)), st.booleans())
def test_missing_field(field: str, pretty: bool):
    doc = valid_doc()
    del doc[field]
    raw = pol.dump(doc) if pretty else json.dumps(doc).encode()
    assert check(raw) is None


@FUZZ
@given(st.integers(min_value=1, max_value=400), st.data())
def test_cut_or_flipped_documents_are_refused(cut: int, data: st.DataObject):
    """A valid signed document, cut short or with one byte changed, keeping its signature: never accepted."""
    raw = pol.dump(valid_doc())
    sig = pol.sign(raw, KEY)
    assert check(raw, sig) is not None
    short = raw[: max(0, len(raw) - cut)]
    assert check(short, sig) is None
    i = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    flipped = bytearray(raw)
    flipped[i] ^= data.draw(st.integers(min_value=1, max_value=255))
    assert check(bytes(flipped), sig) is None
    j = data.draw(st.integers(min_value=0, max_value=len(sig) - 1))
    bad_sig = bytearray(sig)
    bad_sig[j] ^= data.draw(st.integers(min_value=1, max_value=255))
    if bytes(bad_sig).strip() != sig.strip():
        try:
            pol.verify(raw, bytes(bad_sig), ALLOWED, 2, NOW, schema=BY_KEY)
        except pol.PolicyError as exc:
            assert str(exc).strip()
        else:   # only a change that leaves the signature blob itself the same may still verify (a line
            # break turned into other whitespace, or base64's unused padding bits)
            assert _blob(bytes(bad_sig)) == _blob(sig)


def _blob(armored: bytes) -> bytes:
    """The signature blob as the verifier reads it: text between the armour lines, any Unicode white
    space removed (str.split, as sshsig does: it also splits on \x1c-\x1f, which bytes.split does not)."""
    import base64

    text = armored.decode("utf-8", "replace").strip()
    return base64.b64decode("".join(text[len("-----BEGIN SSH SIGNATURE-----"):-len("-----END SSH SIGNATURE-----")]
                                    .split()))


@FUZZ
@given(st.integers(min_value=0, max_value=6))
def test_deeply_nested_and_huge_inputs(depth_exp: int):
    deep = b"[" * (10 ** depth_exp) + b"]" * (10 ** depth_exp)
    check(deep[: 300_000])
    doc = valid_doc()
    doc["comment"] = "x" * (pol.MAX_BYTES + 1)
    assert check(json.dumps(doc).encode()) is None


def test_the_property_can_fail():
    """A sanity check that check() really tells accepted from refused."""
    assert check(pol.dump(valid_doc())) is not None
    assert check(b"{}") is None
