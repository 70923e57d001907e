"""A local web server for the feed tests: fixture feeds and pages on 127.0.0.1, with faults.

Routes:
    /feed.xml, /bad-feed.xml      fixture feeds ({base} replaced by the server's address)
    /many.xml?n=N&bad=P           a feed of N generated French articles at /gen/<i>.txt, with the
                                  page P (if given) listed in the middle of them
    /articles/<name>              fixture pages (text/plain for .txt, text/html for .html)
    /copy/<name>                  the same bytes as /articles/<name> (a duplicate story)
    /gen/<i>.txt                  a distinct French article per i, after ``delay`` seconds
    /error                        500
    /slow                         answers only after ``slow_seconds`` (past the client timeout)
    /huge                         a body larger than the tests' size cap, without Content-Length
    /huge-declared                the same, announced by Content-Length
    /loop, /loop2                 redirect to each other
    /hop/<k>                      k redirects before a page
    /to-metadata                  a redirect to the link-local cloud metadata address
    /photo.png                    an image, not an article
    /binary, /pdf                 random bytes, a PDF, both sent as text/html
    /empty                        200 with an empty text/html body
    /not-modified                 304 (never asked for: the client sends no validators)
    /drip, /drip-body             headers (or, after them, the body) sent one byte every
                                  ``drip_seconds``, never ending (until the client hangs up, the
                                  server stops, or a minute has passed)
    /gzip/<name>, /deflate/<name> fixture pages sent with that Content-Encoding
    /bomb                         a gzip body of 1 MB that decodes to 256 MB of zeros
    /claims.html?canonical=U      an article page whose own metadata (canonical link, title,
                                  author, date) differ from the feed's; canonical U
    /plain-script.txt             a text/plain article that quotes ``<script>`` tags
    /pinned.xml                   a feed whose entries have an unparseable date, a date, none,
                                  and a 200 kB author
    anything else                 404
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import random
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feed"
HUGE_BYTES = 300_000  # the tests cap pages at 100 kB
_TYPES = {".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}
_GEN_TEXT = (FIXTURES / "pages" / "lorient.txt").read_text(encoding="utf-8")


def generated_article(i: int) -> bytes:
    """A distinct French article for /gen/<i>.txt."""
    return (
        f"Dépêche numéro {i} du fil de test\n\nCette dépêche porte le numéro {i}. "
        + _GEN_TEXT.split("\n", 2)[2]
    ).encode("utf-8")


class FeedServer(ThreadingHTTPServer):
    """The server, with the knobs the tests turn."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.delay = 0.0
        self.slow_seconds = 5.0
        self.drip_seconds = 0.1
        self.stopping = threading.Event()
        self.hits: dict[str, int] = {}
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up early is part of the tests, not an error

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str, user_agent: str) -> None:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.user_agents.add(user_agent)


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(
        self, status: int, body: bytes, ctype: str, length: bool = True, encoding: str = ""
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up (timeouts, size caps): that is part of the tests.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _drip(self, body: bool) -> None:
        srv = self.server
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
        if body:
            self.wfile.write(head + b"\r\n")
            self.wfile.flush()
        else:
            self.wfile.write(head + b"X-Drip: ")
        stop = time.monotonic() + 60  # bounded, whatever the client does
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while time.monotonic() < stop and not srv.stopping.wait(srv.drip_seconds):
                self.wfile.write(b"a")
                self.wfile.flush()
        self.close_connection = True

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: C901 - one branch per route is the clearest here
        srv = self.server
        parts = urlsplit(self.path)
        path = parts.path
        srv.count(path, self.headers.get("User-Agent", ""))
        if path in ("/feed.xml", "/bad-feed.xml"):
            text = (FIXTURES / path.lstrip("/")).read_text(encoding="utf-8")
            body = text.replace("{base}", srv.base).encode("utf-8")
            self._send(200, body, "application/rss+xml; charset=utf-8")
        elif path == "/many.xml":
            query = parse_qs(parts.query)
            n = int(query.get("n", ["8"])[0])
            links = [f"{srv.base}/gen/{i}.txt" for i in range(n)]
            if "bad" in query:
                links.insert(n // 2, srv.base + query["bad"][0])
            items = "".join(
                f"<item><title>Dépêche {i}</title><link>{link}</link></item>"
                for i, link in enumerate(links)
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title>{items}'
            body += "</channel></rss>"
            self._send(200, body.encode("utf-8"), "application/rss+xml")
        elif path.startswith(("/articles/", "/copy/")):
            page = FIXTURES / "pages" / Path(path).name
            if not page.is_file():
                self._send(404, b"not found", "text/plain")
                return
            self._send(200, page.read_bytes(), _TYPES.get(page.suffix, "text/plain"))
        elif path.startswith("/gen/"):
            if srv.delay:
                srv.stopping.wait(srv.delay)
            self._send(200, generated_article(int(Path(path).stem)), _TYPES[".txt"])
        elif path == "/error":
            self._send(500, b"internal error", "text/plain")
        elif path == "/slow":
            srv.stopping.wait(srv.slow_seconds)
            self._send(200, b"Trop tard pour cet article.", _TYPES[".txt"])
        elif path in ("/huge", "/huge-declared"):
            body = ("Un très long article. " * (HUGE_BYTES // 20)).encode()[:HUGE_BYTES]
            self._send(200, body, _TYPES[".txt"], length=path == "/huge-declared")
        elif path == "/to-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/loop":
            self._redirect("/loop2")
        elif path == "/loop2":
            self._redirect("/loop")
        elif path.startswith("/hop/"):
            left = int(Path(path).name)
            if left > 0:
                self._redirect(f"/hop/{left - 1}")
            else:
                self._send(200, (FIXTURES / "pages" / "vendee.txt").read_bytes(), _TYPES[".txt"])
        elif path == "/photo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")
        elif path in ("/drip", "/drip-body"):
            self._drip(path == "/drip-body")
        elif path.startswith(("/gzip/", "/deflate/")):
            page = (FIXTURES / "pages" / Path(path).name).read_bytes()
            coding = path.split("/")[1]
            body = gzip.compress(page) if coding == "gzip" else zlib.compress(page)
            self._send(200, body, _TYPES[Path(path).suffix], encoding=coding)
        elif path == "/bomb":
            self._send(200, _bomb(), "text/html", encoding="gzip")
        elif path == "/claims.html":
            canonical = parse_qs(parts.query).get("canonical", ["https://phish.example/x"])[0]
            self._send(200, _claims_page(canonical), _TYPES[".html"])
        elif path == "/plain-script.txt":
            text = _GEN_TEXT + (
                "\n\nLe site piraté affichait « <script>alert(1)</script> » puis "
                "« <script src=x></script> » en tête de page, selon les enquêteurs.\n"
            )
            self._send(200, text.encode("utf-8"), _TYPES[".txt"])
        elif path == "/pinned.xml":
            self._send(200, _pinned_feed(srv.base), "application/rss+xml")
        elif path == "/binary":
            self._send(200, random.Random(7).randbytes(4096), "text/html")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8, "text/html")
        elif path == "/empty":
            self._send(200, b"", "text/html")
        elif path == "/not-modified":
            self.send_response(304)
            self.end_headers()
        else:
            self._send(404, b"not found", "text/plain")


def _claims_page(canonical: str) -> bytes:
    """An article page whose metadata claim another source, title, author and date."""
    paragraphs = "".join(f"<p>{p}</p>" for p in _GEN_TEXT.split("\n\n")[1:])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Titre de la page</title>"
        f'<link rel="canonical" href="{canonical}">'
        '<meta property="og:title" content="Titre de la page">'
        '<meta name="author" content="Auteur de la page">'
        '<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
        f"</head><body><article><h1>Titre de la page</h1>{paragraphs}</article></body></html>"
    ).encode()


def _pinned_feed(base: str) -> bytes:
    """Entries: an unparseable date, a real one, none, and a 200 kB author."""
    entries = [
        ("Date illisible", "<pubDate>le jour du grand soir</pubDate>", 0),
        ("Date lisible", "<pubDate>Sat, 10 Nov 2012 12:00:00 GMT</pubDate>", 1),
        ("Sans date", "", 2),
        ("Long auteur", "<author>" + "x" * 200_000 + "</author>", 3),
    ]
    items = "".join(
        f"<item><title>{title}</title><link>{base}/gen/{i}.txt</link>{extra}</item>"
        for title, extra, i in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title>{items}'
        "</channel></rss>"
    ).encode()


@functools.cache
def _bomb() -> bytes:
    """256 MB of zeros, gzip-compressed to about 1 MB (made once, in about a second)."""
    coder = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    return b"".join([*(coder.compress(zeros) for _ in range(256)), coder.flush()])


def start() -> FeedServer:
    """A running server (stop it with :func:`stop`)."""
    server = FeedServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: FeedServer) -> None:
    server.stopping.set()
    server.shutdown()
    server.server_close()
