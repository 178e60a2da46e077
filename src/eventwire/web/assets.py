"""The files the pages load, from this package and from installed packages only.

Nothing here takes a path from a request: an asset is looked up by name in a
fixed table, so a URL can only ever reach the files listed below. Plotly's
JavaScript comes from the ``plotly`` wheel (``plotly/package_data/plotly.min.js``)
and Swagger UI from the ``fastapi-offline`` wheel, so the dashboard and ``/docs``
work without a network; the packages' locations are found without importing them.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.errors import EventWireError

STATIC = Path(__file__).resolve().parent / "static"

MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


@dataclass(frozen=True)
class Asset:
    path: Path
    media_type: str


def package_dir(name: str) -> Path:
    """Where an installed package lives, found without running its ``__init__``."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EventWireError(
            f"the Python package {name!r} is not installed; run `make demo` (it installs "
            "requirements.lock)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def asset_table() -> dict[str, Asset]:
    """URL name -> file, checked to exist once at startup."""
    files = {
        "app.css": STATIC / "app.css",
        "app.js": STATIC / "app.js",
        "docs.js": STATIC / "docs.js",
        "favicon.svg": STATIC / "favicon.svg",
        "world_outline.json": STATIC / "world_outline.json",
        "plotly.min.js": package_dir("plotly") / "package_data" / "plotly.min.js",
        "swagger-ui-bundle.js": package_dir("fastapi_offline") / "static" / "swagger-ui-bundle.js",
        "swagger-ui.css": package_dir("fastapi_offline") / "static" / "swagger-ui.css",
    }
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise EventWireError(f"web assets missing: {', '.join(missing)}; reinstall EventWire")
    return {name: Asset(path, MEDIA_TYPES[path.suffix]) for name, path in files.items()}
