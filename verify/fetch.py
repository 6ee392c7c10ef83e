"""Fetching pages the way a careful newsroom tool should, and never reaching inside the network.

A URL pasted by a user or listed in a feed is untrusted: it may point at the machine itself
(``http://127.0.0.1:8001``), at the local network, or at a cloud metadata service, directly or
through a redirect or a DNS name that resolves there. So:

- only ``http`` and ``https``; redirects are followed by hand, a bounded number, each hop
  checked like the first;
- the address check happens where the connection is made (a custom httpcore network
  backend): every address a name resolves to is checked, and the socket connects to the
  address that was checked, so a DNS answer cannot change between the check and the
  connection. Loopback, private, link-local, multicast, reserved and unspecified addresses
  are refused unless ``allow_private``. Proxies from the environment are ignored, since a
  proxy would connect on our behalf to addresses we never see;
- time-outs per operation plus a deadline for the whole fetch, enforced on every socket read
  and write (a server dripping one byte a second never trips a read time-out), and a size
  cap applied while streaming the decoded body;
- 429 and 5xx are retried with exponential back-off, honouring ``Retry-After`` up to a bound;
- a User-Agent that says who we are.

Many URLs are fetched by a bounded thread pool sharing one connection pool; results come
back in input order so that an ingest stores the same reports in the same order every time.
"""

from __future__ import annotations

import os

import ipaddress
import socket
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from . import __version__
from .decode import declared_charset
from .model import ReadOptions

# Names the tool honestly; a newsroom that wants to be reachable adds a contact through
# VERIFY_USER_AGENT_CONTACT (an email or URL), shown in parentheses.
USER_AGENT = f"verify-workbench/{__version__} (fact-checking workbench" + (
    f"; {os.environ['VERIFY_USER_AGENT_CONTACT']})" if os.environ.get("VERIFY_USER_AGENT_CONTACT")
    else ")")
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    """Limits of one fetch; the defaults suit a news page on a slow connection."""

    allow_private: bool = False
    timeout: float = 15.0  # connect, read and write, each
    deadline: float = 60.0  # the whole fetch of one URL, redirects and retries included
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    retries: int = 3  # further attempts after a 429 or 5xx
    backoff: float = 0.5  # first wait; doubles on each retry
    max_retry_wait: float = 30.0  # a longer Retry-After gives up instead of stalling the run
    concurrency: int = 8

    @classmethod
    def from_options(cls, options: ReadOptions, **overrides) -> "FetchSettings":
        """The user's ``--allow-private`` and size limit, with any other setting overridden."""
        return cls(allow_private=options.allow_private, max_bytes=options.max_bytes, **overrides)


@dataclass
class Fetched:
    """The evidence of one fetch: what was asked, where it ended, the bytes, and when."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None
    charset: str | None  # declared by the header or the document, not guessed
    fetched_at: str  # ISO 8601 UTC
    redirects: list[str] = field(default_factory=list)  # each hop before final_url
    attempts: int = 1


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is one line, its first word the kind."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class AddressRefused(Exception):
    """Raised at connect time: the host resolves only to addresses we may not reach."""


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IP literals resolve to themselves); tests replace it."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def address_refusal(address: str) -> str | None:
    """Why an address may not be fetched from (``"loopback"`` ...), or None when it is public."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind, flag in (("loopback", ip.is_loopback), ("unspecified", ip.is_unspecified),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


_current = threading.local()  # the deadline of the fetch running in this thread


def _bounded(timeout: float | None) -> float | None:
    """A socket time-out cut to what is left of the current fetch's deadline."""
    deadline = getattr(_current, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """Every read and write is bounded by the deadline, so a server dripping its headers or
    body a byte at a time cannot hold a worker past it. Pooled connections serve several
    fetches, so the deadline is the current thread's, read at each call."""

    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks and connects in one step, so the checked address is the one used."""

    def __init__(self, allow_private: bool):
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = resolve_host(host, port)
        except (socket.gaierror, UnicodeError) as error:
            raise AddressRefused(f"dns: cannot resolve {host} ({error})") from error
        refused = []
        for address in addresses:
            kind = None if self._allow_private else address_refusal(address)
            if kind:
                refused.append((address, kind))
                continue
            return _DeadlineStream(self._inner.connect_tcp(
                address, port, timeout=_bounded(timeout), local_address=local_address,
                socket_options=socket_options))
        if [host] == [address for address, _ in refused]:
            kind = refused[0][1]
            where = f"{host} is {'an' if kind[0] in 'aeiou' else 'a'} {kind} address"
        else:
            where = f"{host} resolves to " + ", ".join(f"{a} ({k})" for a, k in refused)
        raise AddressRefused(f"refused: {where}; use --allow-private to fetch from your own network")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that uses the guarded backend.

    httpx has no public way to pass a network backend, so the pool it builds is replaced by
    one built the same way with ours.
    """

    def __init__(self, allow_private: bool, concurrency: int):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max(concurrency * 2, 4),
            max_keepalive_connections=max(concurrency, 2),
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(allow_private),
        )


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def check_url(url: str) -> None:
    """Refuse, before any connection, what is not an http(s) URL with a host."""
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise FetchError(url, f"malformed URL: {error}") from error
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise FetchError(url, f"unsupported scheme: {scheme} (only http and https are fetched)")
    if not parts.hostname:
        raise FetchError(url, "malformed URL: no host")


class Fetcher:
    """One connection pool and its limits; use as a context manager, or call ``close()``."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        s = self.settings
        self.client = httpx.Client(
            transport=_GuardedTransport(s.allow_private, s.concurrency),
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            timeout=httpx.Timeout(s.timeout), follow_redirects=False, trust_env=False)

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch one URL, following redirects and retrying; raise FetchError with the reason."""
        s = self.settings
        deadline = time.monotonic() + s.deadline
        _current.deadline = deadline
        try:
            return self._attempts(url, deadline)
        finally:
            _current.deadline = None

    def _attempts(self, url: str, deadline: float) -> Fetched:
        s = self.settings
        attempt = 0
        while True:
            attempt += 1
            try:
                fetched = self._follow(url, deadline)
                fetched.attempts = attempt
                return fetched
            except _Retry as retry:
                if attempt > s.retries:
                    raise FetchError(url, f"{retry.reason} (gave up after {attempt} attempts)") from None
                wait = retry.wait if retry.wait is not None else s.backoff * 2 ** (attempt - 1)
                if wait > s.max_retry_wait:
                    raise FetchError(url, f"{retry.reason}: server asks to wait {wait:.0f} s "
                                          f"(limit {s.max_retry_wait:.0f} s)") from None
                if time.monotonic() + wait > deadline:
                    raise FetchError(url, f"timeout: {retry.reason}, no time left to retry "
                                          f"within {s.deadline:.0f} s") from None
                time.sleep(wait)

    def _follow(self, url: str, deadline: float) -> Fetched:
        s = self.settings
        current, hops = url, []
        for _ in range(s.max_redirects + 1):
            check_url(current)
            try:
                with self.client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and response.headers.get("location"):
                        hops.append(current)
                        current = urljoin(current, response.headers["location"].strip())
                        continue
                    if response.status_code in _RETRY_STATUSES:
                        raise _Retry(f"http {response.status_code}: "
                                     f"{response.reason_phrase or 'server error'}",
                                     _retry_after(response.headers.get("retry-after")))
                    if not 200 <= response.status_code < 300:
                        raise FetchError(url, f"http {response.status_code}: "
                                              f"{response.reason_phrase or 'error'}")
                    content = self._read_capped(url, response)
                    content_type = response.headers.get("content-type")
                    return Fetched(url=url, final_url=current, status=response.status_code,
                                   content=content, content_type=content_type,
                                   charset=declared_charset(content, content_type),
                                   fetched_at=_now(), redirects=hops)
            except AddressRefused as error:
                where = f" (redirected from {url})" if hops else ""
                raise FetchError(url, f"{error}{where}") from None
            except httpx.TimeoutException:
                if time.monotonic() >= deadline:
                    raise FetchError(url, f"timeout: not complete within {s.deadline:g} s") from None
                raise FetchError(url, f"timeout: no response within {s.timeout:g} s") from None
            except httpx.HTTPError as error:
                raise FetchError(url, f"network error: {type(error).__name__}: {error}") from None
        raise FetchError(url, f"too many redirects: more than {s.max_redirects}")

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        s = self.settings
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            raise FetchError(url, f"too large: {int(declared):,} bytes declared "
                                  f"(limit {s.max_bytes:,})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > s.max_bytes:
                raise FetchError(url, f"too large: over {s.max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, Fetched | FetchError]]:
        """Fetch with at most ``concurrency`` requests in flight; results in input order."""
        window = max(1, self.settings.concurrency)
        pool = ThreadPoolExecutor(max_workers=window, thread_name_prefix="verify-fetch")
        pending: deque = deque()
        try:
            for url in urls:
                pending.append((url, pool.submit(self._fetch_or_error, url)))
                if len(pending) >= window:
                    url_done, future = pending.popleft()
                    yield url_done, future.result()
            while pending:
                url_done, future = pending.popleft()
                yield url_done, future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _fetch_or_error(self, url: str) -> Fetched | FetchError:
        try:
            return self.fetch(url)
        except FetchError as error:
            return error


def fetch(url: str, settings: FetchSettings | None = None) -> Fetched:
    """Fetch one URL with a fresh connection pool; raise FetchError with the reason."""
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url)

