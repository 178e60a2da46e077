"""``python -m eventwire``: the same command as the ``eventwire`` script."""

from eventwire.cli import app

app(prog_name="eventwire")
