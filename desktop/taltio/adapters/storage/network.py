"""How storage is reached: proxies, TLS trust (a private CA, the OS trust store) and plain-words
descriptions of transport failures for the agent and IT."""
from __future__ import annotations

import logging
import socket
from urllib.parse import urlparse

from taltio.domain.ports import StorageError
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, os_error

log = logging.getLogger("taltio.storage")

def mask_proxy(url: str) -> str:
    """The proxy URL without its password (http://user:***@host:port)."""
    u = urlparse(url)
    if u.password is None:
        return url
    return u._replace(netloc=f"{u.username}:***@{u.netloc.rpartition('@')[2]}").geturl()


def proxies_for(endpoint: str | None, proxy: str = "") -> dict[str, str] | None:
    """botocore's ``proxies`` for *endpoint*: None lets botocore read HTTPS_PROXY/HTTP_PROXY/NO_PROXY
    (and the OS proxy settings on Windows/macOS) as usual; a storage.proxy is used for both
    schemes unless NO_PROXY exempts the endpoint; {} means direct."""
    if not proxy:
        return None
    from botocore.utils import should_bypass_proxies

    if endpoint and should_bypass_proxies(endpoint):
        return {}
    return {"http": proxy, "https": proxy}


def transport_summary(endpoint: str | None, ca_bundle: str = "", use_os_trust_store: bool = True,
                      proxy: str = "", insecure_tls: bool = False) -> str:
    """How storage is reached, for `taltio doctor` (proxy passwords masked, no secrets)."""
    from urllib.request import getproxies

    from botocore.utils import should_bypass_proxies

    if endpoint and endpoint.startswith("http://"):
        tls = Text(QT_TRANSLATE_NOOP("core", "plain HTTP, no TLS (storage.endpoint is http://)"))
    elif insecure_tls:
        tls = Text(QT_TRANSLATE_NOOP("core", "TLS NOT VERIFIED (storage.dev_insecure_tls)"))
    else:
        trust = [Text(QT_TRANSLATE_NOOP("core", "OS trust store"))] if use_os_trust_store else []
        if ca_bundle:
            trust.append(Text(QT_TRANSLATE_NOOP("core", "storage.ca_bundle {path}"), path=ca_bundle))
        if len(trust) == 2:
            trust = [Text(QT_TRANSLATE_NOOP("core", "{first} + {second}"), first=trust[0], second=trust[1])]
        tls = Text(QT_TRANSLATE_NOOP("core", "TLS verified against {trust}"),
                   trust=trust[0] if trust else Text(QT_TRANSLATE_NOOP("core", "the CA list shipped with Taltio")))
    url = endpoint or "https://s3.amazonaws.com"
    configured, source = (proxy, "storage.proxy") if proxy else \
        (getproxies().get(urlparse(url).scheme or "https", ""), Text(QT_TRANSLATE_NOOP("core", "environment")))
    if not configured:
        route = Text(QT_TRANSLATE_NOOP("core", "direct (no proxy)"))
    elif should_bypass_proxies(url):
        route = Text(QT_TRANSLATE_NOOP("core", "direct (NO_PROXY exempts {host})"), host=urlparse(url).hostname or "")
    else:
        route = Text(QT_TRANSLATE_NOOP("core", "proxy {proxy} (from {source})"), proxy=mask_proxy(configured),
                     source=source)
    return Text(QT_TRANSLATE_NOOP("core", "{tls}; {route}"), tls=tls, route=route)


def tls_verify_value(ca_bundle: str, use_os_trust_store: bool, insecure: bool) -> str | bool:
    """botocore's ``verify``: False only for storage.dev_insecure_tls; the CA bundle path when set
    (checked here, so a wrong file is a clear error rather than a failed handshake); else True."""
    if insecure:
        return False
    if not ca_bundle:
        return True
    import ssl

    try:
        with open(ca_bundle, "rb") as fh:
            text = fh.read()
    except OSError as exc:
        raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage.ca_bundle {path} cannot be read ({error}); put "
                                                          "the organisation's CA certificate (PEM) there or fix "
                                                          "the setting"),
                                path=ca_bundle, error=os_reason(exc))) from None
    if b"-----BEGIN CERTIFICATE-----" not in text:
        raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage.ca_bundle {path} holds no PEM certificate (no "
                                                          "'-----BEGIN CERTIFICATE-----'); export the CA as PEM "
                                                          "(Base64), not DER"), path=ca_bundle)) from None
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=ca_bundle)
    except ssl.SSLError as exc:
        raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage.ca_bundle {path} is not a usable PEM CA file "
                                                          "({error})"), path=ca_bundle,
                                error=str(exc.reason or exc))) from None
    return ca_bundle


def _use_os_trust_store(client, verify: str | bool) -> None:  # noqa: ANN001 - a boto3 S3 client
    """Make *client* verify against the OS trust store (the ``truststore`` package: Windows
    CryptoAPI, macOS Security framework, OpenSSL's system CA list on Linux), plus *verify* when it
    is a CA bundle path. botocore has no option for it, so the client's HTTP session is replaced by
    one whose SSL context comes from truststore; everything else is built from the client's config."""
    import socket
    import ssl

    import truststore
    from botocore.httpsession import URLLib3Session
    from botocore.utils import get_environ_proxies

    class OSTrustSession(URLLib3Session):
        def _get_ssl_context(self):  # noqa: ANN202
            ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.options |= ssl.OP_NO_COMPRESSION | ssl.OP_NO_TICKET
            return ctx

        def _setup_ssl_cert(self, conn, url, verify):  # noqa: ANN001, ANN202
            super()._setup_ssl_cert(conn, url, verify)
            if verify is True:
                conn.ca_certs = None     # the OS store alone, not the CA list botocore ships

    cfg = client.meta.config
    proxies = cfg.proxies if cfg.proxies is not None else get_environ_proxies(client.meta.endpoint_url)
    session = OSTrustSession(verify=verify, proxies=proxies, timeout=(cfg.connect_timeout, cfg.read_timeout),
                             max_pool_connections=cfg.max_pool_connections,
                             socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
                             client_cert=cfg.client_cert, proxies_config=cfg.proxies_config)
    endpoint = client._endpoint    # noqa: SLF001 - the only way to give botocore an SSL context
    endpoint.http_session.close()
    endpoint.http_session = session


def _ssl_error_in(exc: BaseException) -> BaseException | None:
    """The ssl.SSLError inside a botocore/urllib3 exception (else their own SSLError), or None."""
    import ssl

    wrapper = None
    for e in _chain(exc):
        if isinstance(e, ssl.SSLError):
            return e
        if wrapper is None and type(e).__name__ == "SSLError":     # botocore's / urllib3's, by name
            wrapper = e
    return wrapper


def _chain(exc: BaseException) -> list[BaseException]:
    """*exc* and every exception it wraps (cause, context, args, urllib3 reason, botocore error)."""
    out: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(out) < 50:
        e = todo.pop(0)
        if not isinstance(e, BaseException) or any(e is o for o in out):
            continue
        out.append(e)
        kwargs = getattr(e, "kwargs", None)
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None),
                 kwargs.get("error") if isinstance(kwargs, dict) else None, *getattr(e, "args", ())]
    return out


def describe_transport_error(exc: BaseException, endpoint: str | None) -> Text:
    """One sentence for a failure below HTTP (TLS, proxy, connect, timeout): what happened and
    what to do. For put() paths: ``raise StorageError(describe_transport_error(exc, self.endpoint))``."""
    where = endpoint or "AWS"
    err = _ssl_error_in(exc)
    if err is not None:
        return _tls_failure(err, where)
    from botocore import exceptions as bx

    detail = os_reason(exc)
    if isinstance(exc, bx.ProxyConnectionError):
        return Text(QT_TRANSLATE_NOOP("core", "cannot reach storage at {where} through proxy {proxy} ({reason}): "
                                              "check storage.proxy (or HTTPS_PROXY / NO_PROXY)"),
                    where=where, proxy=mask_proxy(str(exc.kwargs.get("proxy_url", ""))), reason=detail)
    if isinstance(exc, bx.ConnectTimeoutError):
        return Text(QT_TRANSLATE_NOOP("core", "storage at {where} did not answer in time (connect timeout): check "
                                              "the network and storage.proxy"), where=where)
    if isinstance(exc, bx.ReadTimeoutError):
        return Text(QT_TRANSLATE_NOOP("core", "storage at {where} stopped answering (read timeout)"), where=where)
    if isinstance(exc, bx.EndpointConnectionError):
        return Text(QT_TRANSLATE_NOOP("core", "storage unreachable at {where}: cannot connect ({reason})"),
                    where=where, reason=detail)
    if isinstance(exc, bx.ConnectionClosedError):
        return Text(QT_TRANSLATE_NOOP("core", "storage at {where} closed the connection mid-request"), where=where)
    return Text(QT_TRANSLATE_NOOP("core", "storage unreachable at {where}: {reason}"), where=where,
                reason=type(exc).__name__)


def _tls_failure(err: BaseException, where: str) -> Text:
    import ssl

    text = str(err)
    reason = str(getattr(err, "verify_message", "") or getattr(err, "reason", "") or text)
    if isinstance(err, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
        if getattr(err, "verify_code", 0) in (62, 64) or "mismatch" in reason.lower():
            return Text(QT_TRANSLATE_NOOP("core", "storage at {where} presented a certificate for another name "
                                                  "(CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint must use "
                                                  "a host name the certificate lists"), where=where, reason=reason)
        if getattr(err, "verify_code", 0) == 10 or "expired" in reason.lower():
            return Text(QT_TRANSLATE_NOOP("core", "storage at {where} presented an expired certificate "
                                                  "(CERTIFICATE_VERIFY_FAILED: {reason}): renew it on the storage "
                                                  "(or check this computer's clock)"), where=where, reason=reason)
        return Text(QT_TRANSLATE_NOOP("core", "storage at {where} presented a certificate this computer does not "
                                              "trust (CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to "
                                              "your organisation's CA, or install it in the OS trust store (if a "
                                              "proxy inspects TLS, it is the proxy's CA)"), where=where, reason=reason)
    return Text(QT_TRANSLATE_NOOP("core", "TLS handshake with storage at {where} failed ({reason}): check that "
                                          "storage.endpoint has the right scheme (https://) and port, and "
                                          "storage.proxy"), where=where, reason=reason)


def os_reason(exc: BaseException) -> str:
    """The innermost OSError's reason (e.g. "the connection was refused"), never a whole repr: a Text for the
    common errors, the OS's text for the rest."""
    errors = [e for e in _chain(exc) if isinstance(e, OSError) and (e.strerror or e.errno)]
    if any(isinstance(e, socket.gaierror) for e in errors):
        return Text(QT_TRANSLATE_NOOP("core", "the host name is not known (DNS)"))
    if not errors:
        return type(exc).__name__
    return os_error(errors[-1])
