"""Derive ``static/world_outline.json`` (country outlines for the dashboard map).

The outlines are Natural Earth's 1:110m "Admin 0 - Countries" polygons (public
domain, naturalearthdata.com), read from the copy that geopandas 0.14.4 shipped in
its wheel (``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``).
This script is run by hand once, not at run time:

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl
    python src/eventwire/web/data/derive_world_outline.py \
        geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

It reads the shapefile's polygon records itself (the format is a fixed binary
layout, no library needed), rounds coordinates to 0.1 degree, drops repeated
points and writes every ring as one list of lon/lat pairs; the map draws them as a
single line trace, so the browser fetches nothing but this file.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

POLYGON = 5
OUTPUT = Path(__file__).resolve().parents[1] / "static" / "world_outline.json"


def read_rings(path: Path) -> list[list[tuple[float, float]]]:
    """Every ring of every polygon record in an ESRI shapefile."""
    data = path.read_bytes()
    rings: list[list[tuple[float, float]]] = []
    offset = 100  # fixed-size file header
    while offset < len(data):
        _number, words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type != POLYGON:
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        points = [
            struct.unpack("<dd", content[start + 16 * i : start + 16 * i + 16])
            for i in range(points_count)
        ]
        for first, last in zip(parts, [*parts[1:], points_count], strict=True):
            rings.append(points[first:last])
    return rings


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Round to 0.1 degree and drop points that repeat the one before."""
    kept: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 1), round(lat, 1)]
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept


def main(shapefile: str) -> None:
    rings = [
        simplified for ring in read_rings(Path(shapefile)) if len(simplified := simplify(ring)) >= 3
    ]
    document = {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), "
        "via geopandas 0.14.4 naturalearth_lowres; rounded to 0.1 degree",
        "rings": rings,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(ring) for ring in rings)
    print(f"wrote {OUTPUT}: {len(rings)} rings, {points} points")


if __name__ == "__main__":
    main(sys.argv[1])
