"""``python -m eventwire`` runs the command line."""

from eventwire.cli import app

app()
