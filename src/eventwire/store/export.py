"""Exports: the full event table (CSV, Parquet, JSON Lines) and two field-standard layouts.

``polecat`` follows the column layout of the public POLECAT tables and
``icews`` the 20 columns of the ICEWS event files (both tab-separated, as those
releases are); the README says what each column holds. Every export has one
row per event mention with its stable ``id`` (unique in the database), so rows
can be joined back to the store and to the evidence sentence.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pycountry

from eventwire.errors import EventWireError
from eventwire.store.database import EventStore
from eventwire.store.query import EVENT_DATE, EventFilter
from eventwire.store.scores import QUAD_NAMES


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    polecat = "polecat"
    icews = "icews"


# Words for the PLOVER/CAMEO agent codes, used where a layout expects sector names (ICEWS).
SECTOR_NAMES = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judiciary",
    "LEG": "Legislature",
    "REB": "Rebels",
    "UAF": "Unidentified Armed Forces",
    "OPP": "Opposition",
    "PTY": "Political Party",
    "BUS": "Business",
    "MED": "Media",
    "CVL": "Civilians",
    "EDU": "Education",
    "HLH": "Health",
    "REL": "Religion",
    "IGO": "International Organization",
    "NGO": "Non-Governmental Organization",
    "SPY": "Intelligence",
    "LAB": "Labor",
    "REF": "Refugees",
    "CRM": "Criminals",
    "ELI": "Elites",
    "AGR": "Agriculture",
    "ENV": "Environment",
}

FULL_SQL = (
    "SELECT e.*, {date} AS event_date, a.title AS article_title, a.outlet, a.url, "
    "a.published, a.source AS article_source, a.eventwire_version, a.lexicon_hash, "
    "a.kb_hash, a.models_hash "
    "FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY e.id"
)


def export_events(
    store: EventStore, output_format: ExportFormat, output: Path, where: EventFilter | None = None
) -> int:
    """Write the matching events to ``output`` in ``output_format``; returns the row count."""
    where = where or EventFilter()
    condition, params = where.where()
    table = store.connection.sql(
        FULL_SQL.format(date=EVENT_DATE, where=condition), params=params
    ).to_arrow_table()
    if output.parent and not output.parent.exists():
        raise EventWireError(f"{output}: the folder {output.parent} does not exist")
    try:
        WRITERS[output_format](store, table, output)
    except OSError as exc:
        raise EventWireError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    return table.num_rows


def _copy(store: EventStore, table: pa.Table, output: Path, options: str) -> None:
    exported = table  # noqa: F841 - read by DuckDB by name
    target = str(output).replace("'", "''")
    store.connection.execute(f"COPY (SELECT * FROM exported) TO '{target}' ({options})")


def write_csv(store: EventStore, table: pa.Table, output: Path) -> None:
    _copy(store, table, output, "FORMAT csv, HEADER true")


def write_parquet(store: EventStore, table: pa.Table, output: Path) -> None:
    _copy(store, table, output, "FORMAT parquet")


def write_jsonl(store: EventStore, table: pa.Table, output: Path) -> None:
    with output.open("w", encoding="utf-8") as handle:
        for row in table.to_pylist():
            handle.write(json.dumps(row, ensure_ascii=False, default=_json_value) + "\n")


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def country_name(code: str | None) -> str:
    if not code:
        return ""
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _write_tsv(table: pa.Table, output: Path, layout: dict[str, Callable[[dict], Any]]) -> None:
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(layout)
        for row in table.to_pylist():
            writer.writerow(_text(field(row)) for field in layout.values())


def _actor(side: str) -> dict[str, Callable[[dict], Any]]:
    label = "Actor" if side == "source" else "Recipient"
    return {
        f"{label} Name": lambda r: r[f"{side}_name"],
        f"{label} Country": lambda r: r[f"{side}_country"],
        f"Primary {label} Sector": lambda r: r[f"{side}_sector"],
        f"{label} Title": lambda r: r[f"{side}_role"],
        f"{label} Name Raw": lambda r: r[f"{side}_text"],
    }


POLECAT_LAYOUT: dict[str, Callable[[dict], Any]] = {
    "Event ID": lambda r: r["id"],
    "Event Date": lambda r: r["event_date"],
    "Event Type": lambda r: r["event_type"],
    "Event Mode": lambda r: r["mode"],
    "Event Intensity": lambda r: r["intensity"],
    "Quad Code": lambda r: QUAD_NAMES.get(r["quad_code"], ""),
    "Contexts": lambda r: ", ".join(r["context"] or []),
    **_actor("source"),
    **_actor("target"),
    "Placename": lambda r: r["location_name"],
    "Country": lambda r: r["location_country"],
    "Latitude": lambda r: r["latitude"],
    "Longitude": lambda r: r["longitude"],
    "GeoNames ID": lambda r: r["geonames_id"],
    "Source": lambda r: r["outlet"],
    "Publication Date": lambda r: r["published"],
}


def _sectors(code: str | None) -> str:
    return SECTOR_NAMES.get(code, code) if code else ""


@lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    """CAMEO code -> short name, from the event ontology when it is installed."""
    try:
        from eventwire.events.ontology import load_ontology
    except ImportError:
        return {}
    return {code: entry.label for code, entry in load_ontology().cameo.items()}


def _event_text(row: dict) -> str:
    """The CAMEO code's name, as ICEWS writes it; else the PLOVER type and mode."""
    label = cameo_labels().get(row["cameo"] or "")
    if label:
        return label[:1].upper() + label[1:]
    mode = f" ({row['mode']})" if row["mode"] else ""
    return f"{(row['event_type'] or '').capitalize()}{mode}"


ICEWS_LAYOUT: dict[str, Callable[[dict], Any]] = {
    "Event ID": lambda r: r["id"],
    "Event Date": lambda r: r["event_date"],
    "Source Name": lambda r: r["source_name"],
    "Source Sectors": lambda r: _sectors(r["source_sector"]),
    "Source Country": lambda r: country_name(r["source_country"]),
    "Event Text": _event_text,
    "CAMEO Code": lambda r: r["cameo"],
    "Intensity": lambda r: r["intensity"],
    "Target Name": lambda r: r["target_name"],
    "Target Sectors": lambda r: _sectors(r["target_sector"]),
    "Target Country": lambda r: country_name(r["target_country"]),
    "Story ID": lambda r: r["article_id"],
    "Sentence Number": lambda r: r["sentence_index"] + 1,
    "Publisher": lambda r: r["outlet"],
    "City": lambda r: r["location_name"] if r["location_precision"] in ("city", None) else "",
    "District": lambda r: "",
    "Province": lambda r: r["location_name"] if r["location_precision"] == "region" else "",
    "Country": lambda r: country_name(r["location_country"]),
    "Latitude": lambda r: r["latitude"],
    "Longitude": lambda r: r["longitude"],
}


def write_polecat(store: EventStore, table: pa.Table, output: Path) -> None:
    _write_tsv(table, output, POLECAT_LAYOUT)


def write_icews(store: EventStore, table: pa.Table, output: Path) -> None:
    _write_tsv(table, output, ICEWS_LAYOUT)


WRITERS: dict[ExportFormat, Callable[[EventStore, pa.Table, Path], None]] = {
    ExportFormat.csv: write_csv,
    ExportFormat.parquet: write_parquet,
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.polecat: write_polecat,
    ExportFormat.icews: write_icews,
}
