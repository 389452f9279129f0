"""Corporate networks (issue 5): uploads over HTTPS with a private CA, proxies, TLS inspection.

Everything runs against the real SeaweedFS with an HTTPS listener whose certificate is
signed by a throw-away test CA (tests/fixtures/tls.py), through the app's own S3Target.
A second CA plays a TLS-inspecting proxy the computer does not trust.
"""
from __future__ import annotations

import hashlib
import logging
import uuid
from pathlib import Path

import pytest

from taltio.domain.ports import PutResult, StorageError
from taltio.adapters.storage import S3Target
from taltio.adapters.storage.network import describe_transport_error, transport_summary
from taltio import settings as settings_mod
from tests.fixtures.tls import ConnectProxy, TestCA, TLSS3Server, start_s3_tls

AGENT = "agent-7"
PREFIX = f"agents/{AGENT}"
_NET_ENV = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY",
            "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE")


@pytest.fixture(autouse=True)
def clean_network_env(monkeypatch):
    """Proxies and CA locations come only from what each test sets."""
    for name in _NET_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def cas(tmp_path_factory) -> tuple[TestCA, TestCA]:
    d = tmp_path_factory.mktemp("ca")
    return TestCA.create(d, "Taltio Test Root CA"), TestCA.create(d, "Inspecting Proxy CA")


@pytest.fixture(scope="module")
def tls_s3(tmp_path_factory, cas) -> TLSS3Server:
    srv = start_s3_tls(tmp_path_factory.mktemp("s3tls"), cas[0], agent_ids=(AGENT,))
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def proxy(tmp_path):
    with ConnectProxy(tmp_path / "proxy") as p:
        yield p


def target(srv: TLSS3Server, **kw) -> S3Target:
    key, secret = srv.agents[AGENT]
    return S3Target(srv.bucket, PREFIX, kw.pop("endpoint", srv.https_endpoint), "us-east-1", key, secret, **kw)


def upload(t: S3Target, tmp_path: Path, size: int = 2048) -> tuple[str, bytes]:
    data = uuid.uuid4().bytes * (size // 16)
    path = tmp_path / f"{uuid.uuid4().hex}.bin"
    path.write_bytes(data)
    key = f"tls/{path.name}"
    assert t.put(key, path, hashlib.sha256(data).hexdigest()) is PutResult.STORED
    return f"{PREFIX}/{key}", data


def refused_upload(t: S3Target, srv: TLSS3Server, tmp_path: Path) -> str:
    path = tmp_path / f"{uuid.uuid4().hex}.bin"
    path.write_bytes(b"x" * 100)
    with pytest.raises(StorageError) as info:
        t.put(f"tls/{path.name}", path, hashlib.sha256(b"x" * 100).hexdigest())
    assert srv.list_keys(f"{PREFIX}/tls/{path.name}") == []          # nothing reached storage
    return str(info.value)


# --------------------------------------------------------------------------- trust


@pytest.mark.parametrize("os_store", [False, True], ids=["bundle-only", "bundle+os-store"])
def test_upload_works_with_the_ca_bundle(tls_s3, cas, tmp_path, os_store):
    t = target(tls_s3, ca_bundle=str(cas[0].cert_path), use_os_trust_store=os_store)
    key, data = upload(t, tmp_path)
    assert tls_s3.get(key) == data


@pytest.mark.evidence("fault")
@pytest.mark.parametrize("os_store", [False, True], ids=["shipped-list", "os-store"])
def test_without_the_ca_upload_fails_with_what_to_do(tls_s3, tmp_path, os_store):
    msg = refused_upload(target(tls_s3, use_os_trust_store=os_store), tls_s3, tmp_path)
    assert msg.startswith(f"storage at {tls_s3.https_endpoint} presented a certificate this computer does not "
                          "trust (CERTIFICATE_VERIFY_FAILED")
    assert "set storage.ca_bundle to your organisation's CA, or install it in the OS trust store" in msg


def test_the_os_trust_store_is_used(tls_s3, cas, tmp_path, monkeypatch):
    """On Linux the OS store is OpenSSL's system CA list, which SSL_CERT_FILE replaces: the test CA
    installed "in the OS" is trusted with use_os_trust_store, and only then."""
    monkeypatch.setenv("SSL_CERT_FILE", str(cas[0].cert_path))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-such-dir"))
    key, data = upload(target(tls_s3, use_os_trust_store=True), tmp_path)
    assert tls_s3.get(key) == data
    assert "does not trust" in refused_upload(target(tls_s3, use_os_trust_store=False), tls_s3, tmp_path)


def test_a_multipart_upload_goes_over_the_same_tls(tls_s3, cas, tmp_path):
    t = target(tls_s3, ca_bundle=str(cas[0].cert_path))
    t.multipart_threshold = t.part_size = 5 * 1024 * 1024
    key, data = upload(t, tmp_path, size=6 * 1024 * 1024)
    assert tls_s3.get(key) == data


@pytest.mark.parametrize("content,match", [
    (None, "cannot be read"),
    (b"not a certificate\n", "holds no PEM certificate"),
    (b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a usable PEM CA file"),
])
def test_a_bad_ca_bundle_is_a_clear_error(tls_s3, tmp_path, content, match):
    bundle = tmp_path / "ca.pem"
    if content is not None:
        bundle.write_bytes(content)
    msg = refused_upload(target(tls_s3, ca_bundle=str(bundle)), tls_s3, tmp_path)
    assert msg.startswith(f"storage.ca_bundle {bundle} ") and match in msg


# --------------------------------------------------------------------------- proxies


@pytest.mark.evidence("fault")
def test_an_inspecting_proxy_with_the_wrong_certificate_is_refused(tls_s3, cas, tmp_path):
    with ConnectProxy(tmp_path / "mitm", mitm=cas[1], upstream_ca=cas[0].cert_path) as mitm:
        t = target(tls_s3, ca_bundle=str(cas[0].cert_path), proxy=mitm.url)
        msg = refused_upload(t, tls_s3, tmp_path)
        assert mitm.connects and mitm.refused_handshakes           # it did go through the proxy
    assert "presented a certificate this computer does not trust (CERTIFICATE_VERIFY_FAILED" in msg
    assert "if a proxy inspects TLS, it is the proxy's CA" in msg


def test_the_inspecting_proxy_works_once_its_ca_is_trusted(tls_s3, cas, tmp_path):
    """The control for the test above: the same proxy relays uploads for a client that trusts it,
    so the refusal there is the certificate check and nothing else."""
    with ConnectProxy(tmp_path / "mitm", mitm=cas[1], upstream_ca=cas[0].cert_path) as mitm:
        key, data = upload(target(tls_s3, ca_bundle=str(cas[1].cert_path), proxy=mitm.url), tmp_path)
        assert mitm.connects and not mitm.refused_handshakes
    assert tls_s3.get(key) == data


@pytest.mark.evidence("fault")
def test_a_certificate_for_another_name_is_refused_as_such(tls_s3, cas, tmp_path):
    with ConnectProxy(tmp_path / "mitm", mitm=cas[1], upstream_ca=cas[0].cert_path,
                      cert_hosts=("storage.other.example",)) as mitm:
        msg = refused_upload(target(tls_s3, ca_bundle=str(cas[1].cert_path), proxy=mitm.url), tls_s3, tmp_path)
    assert msg.startswith(f"storage at {tls_s3.https_endpoint} presented a certificate for another name "
                          "(CERTIFICATE_VERIFY_FAILED: IP address mismatch")
    assert "storage.endpoint must use a host name the certificate lists" in msg


@pytest.mark.parametrize("os_store", [False, True], ids=["bundle-only", "bundle+os-store"])
def test_proxy_from_the_setting(tls_s3, cas, tmp_path, proxy, os_store):
    key, data = upload(target(tls_s3, ca_bundle=str(cas[0].cert_path), use_os_trust_store=os_store,
                              proxy=proxy.url), tmp_path)
    assert tls_s3.get(key) == data
    assert set(proxy.connects) == {f"127.0.0.1:{tls_s3.https_port}"}


@pytest.mark.parametrize("os_store", [False, True], ids=["bundle-only", "bundle+os-store"])
def test_proxy_from_https_proxy_env(tls_s3, cas, tmp_path, proxy, monkeypatch, os_store):
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    key, data = upload(target(tls_s3, ca_bundle=str(cas[0].cert_path), use_os_trust_store=os_store), tmp_path)
    assert tls_s3.get(key) == data
    assert set(proxy.connects) == {f"127.0.0.1:{tls_s3.https_port}"}


@pytest.mark.parametrize("source", ["env", "setting"])
def test_no_proxy_bypasses_the_proxy(tls_s3, cas, tmp_path, proxy, monkeypatch, source):
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    if source == "env":
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    key, data = upload(target(tls_s3, ca_bundle=str(cas[0].cert_path),
                              proxy=proxy.url if source == "setting" else ""), tmp_path)
    assert tls_s3.get(key) == data
    assert proxy.connects == []


@pytest.mark.evidence("fault")
def test_an_unreachable_proxy_is_named(tls_s3, cas, tmp_path):
    from botocore.exceptions import BotoCoreError

    dead = ConnectProxy(tmp_path / "dead").start()
    dead.stop()                                  # a port nobody listens on any more
    url = dead.url.replace("http://", "http://it:s3cret@")
    t = target(tls_s3, ca_bundle=str(cas[0].cert_path), proxy=url)
    with pytest.raises(BotoCoreError) as info:
        t.client.put_object(Bucket=tls_s3.bucket, Key=f"{PREFIX}/tls/x", Body=b"x")
    msg = describe_transport_error(info.value, t.endpoint)
    assert f"cannot reach storage at {tls_s3.https_endpoint} through proxy" in msg
    assert "check storage.proxy" in msg and "s3cret" not in msg


# --------------------------------------------------------------------------- the development switch


def test_dev_insecure_tls_works_and_warns_loudly(tls_s3, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="taltio.storage")
    key, data = upload(target(tls_s3, insecure_tls=True), tmp_path)
    assert tls_s3.get(key) == data
    loud = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "taltio.storage"]
    assert len(loud) == 1
    assert "TLS CERTIFICATE VERIFICATION IS OFF" in loud[0].getMessage()
    assert tls_s3.https_endpoint in loud[0].getMessage()


def test_without_dev_insecure_tls_nothing_is_logged(tls_s3, cas, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="taltio.storage")
    upload(target(tls_s3, ca_bundle=str(cas[0].cert_path)), tmp_path)
    assert not [r for r in caplog.records if "VERIFICATION IS OFF" in r.getMessage()]


def test_dev_insecure_tls_never_comes_from_the_user_file(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    user = tmp_path / "settings.toml"
    user.write_text("[storage]\ndev_insecure_tls = true\n")
    st = settings_mod.load(tmp_path / "no-machine.toml", user)
    assert st["storage.dev_insecure_tls"] is False
    assert "can only be set by machine policy" in caplog.text
    with pytest.raises(settings_mod.ConfigError):
        settings_mod.save_user({"storage.dev_insecure_tls": True}, user)
    machine = tmp_path / "machine.toml"
    machine.write_text("[storage]\ndev_insecure_tls = true\n")
    assert settings_mod.load(machine, user)["storage.dev_insecure_tls"] is True


# --------------------------------------------------------------------------- wiring: settings -> app -> doctor


def _settings(tmp_path: Path, srv: TLSS3Server, extra: str) -> settings_mod.Settings:
    machine = tmp_path / "machine.toml"
    machine.write_text(f'[storage]\nurl = "s3://{srv.bucket}/{PREFIX}"\nendpoint = "{srv.https_endpoint}"\n'
                       f'access_key_id = "{srv.agents[AGENT][0]}"\n{extra}')
    return settings_mod.load(machine, tmp_path / "no-user.toml")


def test_the_app_builds_its_target_from_the_settings(tls_s3, cas, tmp_path, proxy, monkeypatch):
    from taltio.app.compose import make_target

    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    monkeypatch.setenv("TALTIO_S3_SECRET", tls_s3.agents[AGENT][1])
    st = _settings(tmp_path, tls_s3, f'ca_bundle = "{cas[0].cert_path}"\nuse_os_trust_store = false\n'
                                     f'proxy = "{proxy.url}"\n')
    t = make_target(st, None, tmp_path)
    assert (t.ca_bundle, t.use_os_trust_store, t.proxy, t.insecure_tls) == \
        (str(cas[0].cert_path), False, proxy.url, False)
    key, data = upload(t, tmp_path)
    assert tls_s3.get(key) == data and proxy.connects


@pytest.mark.parametrize("bad", ['ca_bundle = "relative/ca.pem"', 'proxy = "socks5://p:1080"',
                                 'proxy = "proxy.example:3128"', 'proxy = "http://proxy:notaport"'])
def test_bad_network_settings_name_the_setting(tls_s3, tmp_path, monkeypatch, bad):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    with pytest.raises(settings_mod.ConfigError, match=bad.split(" ")[0]):
        _settings(tmp_path, tls_s3, bad + "\n")


def test_doctor_shows_the_network_and_fails_on_insecure_tls(tls_s3, cas, tmp_path, monkeypatch):
    from taltio.cli.doctor import FAIL, OK, _network_check

    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    st = _settings(tmp_path, tls_s3, f'ca_bundle = "{cas[0].cert_path}"\nproxy = "http://it:s3cret@proxy:3128"\n')
    status, name, detail = _network_check(st)
    assert (status, name) == (OK, "storage network")
    assert detail == (f"TLS verified against OS trust store + storage.ca_bundle {cas[0].cert_path}; "
                      "proxy http://it:***@proxy:3128 (from storage.proxy)")
    status, _, detail = _network_check(_settings(tmp_path, tls_s3, "dev_insecure_tls = true\n"))
    assert status == FAIL
    assert "TLS NOT VERIFIED (storage.dev_insecure_tls)" in detail and "INSECURE, DEVELOPMENT ONLY" in detail


def test_summary_names_the_environment_proxy_and_no_proxy(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://envproxy:8080")
    assert transport_summary("https://s3.corp.example") == \
        "TLS verified against OS trust store; proxy http://envproxy:8080 (from environment)"
    monkeypatch.setenv("NO_PROXY", ".corp.example")
    assert transport_summary("https://s3.corp.example", use_os_trust_store=False) == \
        "TLS verified against the CA list shipped with Taltio; direct (NO_PROXY exempts s3.corp.example)"
