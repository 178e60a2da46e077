"""``eventwire serve``: a read-only JSON API and the analyst's pages over one event store."""

from eventwire.web.app import create_app
from eventwire.web.server import make_server, serve

__all__ = ["create_app", "make_server", "serve"]
