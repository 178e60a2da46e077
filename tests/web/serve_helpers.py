"""Starting and stopping the real server in a thread, for the web tests."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from eventwire.web import make_server


def start_server(db: Path, **options) -> tuple[str, object, threading.Thread]:
    """uvicorn in a thread on a free loopback port (port 0: the OS picks one)."""
    server = make_server(db, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.run, name="eventwire-serve-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}", server, thread


def stop_server(server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=10)
