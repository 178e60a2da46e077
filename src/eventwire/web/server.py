"""Running the app with uvicorn: loopback by default, one line of warning otherwise."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

import uvicorn

from eventwire.web.app import create_app
from eventwire.web.database import DEFAULT_QUERY_TIMEOUT_S

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """The one-line warning for a host other people can reach, or None on loopback."""
    if is_loopback(host):
        return None
    return (
        f"warning: listening on {host}, not loopback: anyone who can reach this machine can "
        "read the whole store (there is no login)"
    )


def make_server(
    db: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    query_timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
    log_level: str = "warning",
) -> uvicorn.Server:
    """A uvicorn server over the store (opened, and checked, before it listens)."""
    app = create_app(db, query_timeout_s)
    config = uvicorn.Config(
        app, host=host, port=port, log_level=log_level, access_log=False, server_header=False
    )
    return uvicorn.Server(config)


def serve(
    db: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    query_timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
    say: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted."""
    warning = exposure_warning(host)
    if warning:
        say(warning)
    server = make_server(db, host, port, query_timeout_s)
    shown = f"[{host}]" if ":" in host else host
    say(f"serving {db} read-only at http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops")
    server.run()
