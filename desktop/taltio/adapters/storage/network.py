"""How storage is reached: proxies, TLS trust (a private CA, the OS trust store) and plain-words
descriptions of transport failures for the agent and IT."""
from __future__ import annotations

import logging
from urllib.parse import urlparse
from taltio.domain.ports import StorageError

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
        tls = "plain HTTP, no TLS (storage.endpoint is http://)"
    elif insecure_tls:
        tls = "TLS NOT VERIFIED (storage.dev_insecure_tls)"
    else:
        trust = [t for t in ("OS trust store" if use_os_trust_store else "",
                             f"storage.ca_bundle {ca_bundle}" if ca_bundle else "") if t]
        tls = "TLS verified against " + (" + ".join(trust) or "the CA list shipped with Taltio")
    url = endpoint or "https://s3.amazonaws.com"
    configured, source = (proxy, "storage.proxy") if proxy else \
        (getproxies().get(urlparse(url).scheme or "https", ""), "environment")
    if not configured:
        route = "direct (no proxy)"
    elif should_bypass_proxies(url):
        route = f"direct (NO_PROXY exempts {urlparse(url).hostname})"
    else:
        route = f"proxy {mask_proxy(configured)} (from {source})"
    return f"{tls}; {route}"


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
        raise StorageError(f"storage.ca_bundle {ca_bundle} cannot be read ({exc.strerror or exc}); put the "
                           "organisation's CA certificate (PEM) there or fix the setting") from None
    if b"-----BEGIN CERTIFICATE-----" not in text:
        raise StorageError(f"storage.ca_bundle {ca_bundle} holds no PEM certificate (no '-----BEGIN "
                           "CERTIFICATE-----'); export the CA as PEM (Base64), not DER") from None
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=ca_bundle)
    except ssl.SSLError as exc:
        raise StorageError(f"storage.ca_bundle {ca_bundle} is not a usable PEM CA file ({exc.reason or exc})") \
            from None
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


def describe_transport_error(exc: BaseException, endpoint: str | None) -> str:
    """One sentence for a failure below HTTP (TLS, proxy, connect, timeout): what happened and
    what to do. For put() paths: ``raise StorageError(describe_transport_error(exc, self.endpoint))``."""
    import ssl

    where = endpoint or "AWS"
    err = _ssl_error_in(exc)
    if err is not None:
        text = str(err)
        reason = getattr(err, "verify_message", "") or getattr(err, "reason", "") or text
        if isinstance(err, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
            if getattr(err, "verify_code", 0) in (62, 64) or "mismatch" in str(reason).lower():
                return (f"storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: "
                        f"{reason}): storage.endpoint must use a host name the certificate lists")
            if getattr(err, "verify_code", 0) == 10 or "expired" in str(reason).lower():
                return (f"storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: "
                        f"{reason}): renew it on the storage (or check this computer's clock)")
            return (f"storage at {where} presented a certificate this computer does not trust "
                    f"(CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, "
                    "or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)")
        return (f"TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has "
                "the right scheme (https://) and port, and storage.proxy")
    from botocore import exceptions as bx

    detail = _os_reason(exc)
    if isinstance(exc, bx.ProxyConnectionError):
        return (f"cannot reach storage at {where} through proxy {exc.kwargs.get('proxy_url', '')} ({detail}): "
                "check storage.proxy (or HTTPS_PROXY / NO_PROXY)")
    if isinstance(exc, bx.ConnectTimeoutError):
        return f"storage at {where} did not answer in time (connect timeout): check the network and storage.proxy"
    if isinstance(exc, bx.ReadTimeoutError):
        return f"storage at {where} stopped answering (read timeout)"
    if isinstance(exc, bx.EndpointConnectionError):
        return f"storage unreachable at {where}: cannot connect ({detail})"
    if isinstance(exc, bx.ConnectionClosedError):
        return f"storage at {where} closed the connection mid-request"
    return f"storage unreachable at {where}: {type(exc).__name__}"


def _os_reason(exc: BaseException) -> str:
    """The innermost OSError's text (e.g. 'Connection refused'), never a whole repr."""
    texts = [e.strerror for e in _chain(exc) if isinstance(e, OSError) and e.strerror]
    return texts[-1] if texts else type(exc).__name__
