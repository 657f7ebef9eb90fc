"""Serve a built site on 127.0.0.1 for checks and browser tests: never the network."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Text files gzip-compressed when the browser accepts it, as a real host serves them."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in self.COMPRESSED:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # A browser opens several connections at once; with the default queue of 5, a busy
    # machine drops some and the browser waits a second or more before trying again.
    request_queue_size = 64

    def handle_error(self, request, client_address):
        # A browser that cancels a request it no longer needs is not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path, handler_class=QuietHandler):
    """Serve `site_dir` on a free port of 127.0.0.1; yields the base URL, ending with '/'."""
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
