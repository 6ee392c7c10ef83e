"""A real HTTP server on 127.0.0.1 for fetch and ingest tests (and the throughput benchmark).

Each path serves a ``Page`` (or a list of them, one per request, the last repeating), so a
test can make a page slow, huge, failing, redirecting, or changing between fetches, and then
count how many requests each path received.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts
    drip: float = 0.0  # seconds between chunks of the body
    repeat: int = 1  # the body sent this many times (huge responses without building them)
    send_length: bool = True  # False: no Content-Length, the connection closes at the end
    drip_headers: bool = False  # with ``drip``: the status line and headers too, a byte at a time


class LocalServer:
    """Serves ``routes`` on an ephemeral port until ``stop()``; records ``hits`` and ``agents``."""

    def __init__(self, host: str = "127.0.0.1", tls: tuple[str, str] | None = None):
        self.routes: dict[str, Page | list[Page]] = {}
        self.hits: Counter = Counter()
        self.agents: list[str] = []
        self.active = self.max_active = 0  # requests being served now / at most at once
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def setup(self):
                super().setup()
                # Headers and body go out in separate writes; without this, Nagle's algorithm
                # and delayed ACKs add 40 ms to every keep-alive response.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self):
                with lock:
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    self.serve()
                finally:
                    with lock:
                        server.active -= 1

            def serve(self):
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if isinstance(route, list):
                    page = route[min(server.hits[path], len(route)) - 1]
                else:
                    page = route or Page(b"not found", status=404, content_type="text/plain")
                time.sleep(page.delay)
                if page.drip_headers:
                    head = (f"HTTP/1.1 {page.status} OK\r\nContent-Length: {len(page.body)}\r\n"
                            "X-Padding: " + "x" * 200 + "\r\n\r\n").encode()
                    try:
                        for i in range(len(head)):
                            self.wfile.write(head[i:i + 1])
                            self.wfile.flush()
                            time.sleep(page.drip)
                        self.wfile.write(page.body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    self.close_connection = True
                    return
                try:
                    self.send_response(page.status)
                    if page.content_type:
                        self.send_header("Content-Type", page.content_type)
                    for name, value in page.headers.items():
                        self.send_header(name, value)
                    if page.send_length:
                        self.send_header("Content-Length", str(len(page.body) * page.repeat))
                    else:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    for _ in range(page.repeat):
                        if page.drip:
                            for i in range(0, len(page.body), 16):
                                self.wfile.write(page.body[i:i + 16])
                                self.wfile.flush()
                                time.sleep(page.drip)
                        else:
                            self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        if tls:  # (certificate file, key file): serve https
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.port = self.httpd.server_address[1]
        self.host = host
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str, host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def start(self) -> "LocalServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
