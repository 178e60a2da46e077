"""The ``eventwire`` command."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventWireError
from eventwire.model import CodedArticle
from eventwire.nlp import DEFAULT_MODEL

if TYPE_CHECKING:
    from eventwire.store import EventStore
    from eventwire.store.query import EventFilter

app = typer.Typer(
    help="EventWire: raw news in, PLOVER/CAMEO political event records out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)


def out() -> Console:
    """Tables go to the terminal's width; piped, to $COLUMNS or 160 columns."""
    return Console(width=shutil.get_terminal_size((160, 24)).columns)


@app.callback()
def main() -> None:
    """EventWire: raw news in, PLOVER/CAMEO political event records out."""


class InputFormat(StrEnum):
    text = "text"
    html = "html"
    warc = "warc"
    feed = "feed"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=1)


PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files, directories, http(s) URLs, or - for standard input "
        "(text, HTML, WARC, RSS/Atom, JSON Lines, CSV/TSV; .gz/.bz2 too)."
    ),
]
ModelOption = Annotated[str, typer.Option(help="Installed spaCy pipeline to parse with.")]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        max=1024,
        help="Processes (local engine; default 1) or Ray actors (default: every CPU of the "
        "Ray instance) that parse and code in parallel.",
    ),
]


class Engine(StrEnum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[
    Engine, typer.Option(help="Where to parse and code: this machine, or a Ray cluster.")
]
AddressOption = Annotated[
    str | None,
    typer.Option(help="Ray cluster to join (e.g. ray://head:10001); default: start a local one."),
]


def load_pipeline_on(engine: Engine, model: str, workers: int | None, address: str | None, **kw):
    """The pipeline, with the Ray engine plugged in when asked for (close it after use)."""
    from eventwire.pipeline import Pipeline

    if address and engine is not Engine.ray:
        raise typer.BadParameter("--address needs --engine ray", param_hint="--address")
    pipeline = Pipeline.load(model, workers=workers or 1, **kw)
    if engine is Engine.ray:
        from eventwire.engine.ray import RayEngine

        pipeline.engine = RayEngine(model, address, workers, pipeline.batch_size)
    return pipeline


def close_engine(pipeline) -> None:
    if pipeline is not None and pipeline.engine is not None:
        pipeline.engine.close()


PublishedOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
]
InputFormatOption = Annotated[
    InputFormat | None,
    typer.Option(help="Read every input as this format (default: from name or content)."),
]
ColumnOption = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        help="JSON Lines/CSV layout: FIELD=NAME says column NAME holds FIELD "
        "(text, title, date, url, id, outlet); repeat for several.",
    ),
]
FetchOption = Annotated[bool, typer.Option(help="Download the page behind each feed entry (HTTP).")]
FetchTimeoutOption = Annotated[float, typer.Option(help="Seconds to wait for one page download.")]
FetchConcurrencyOption = Annotated[
    int, typer.Option(min=1, max=32, help="Pages downloaded at once.")
]


def parse_column_options(options: list[str] | None, column_map: type):
    """``["text=body", "date=day"]`` -> the reader's ColumnMap; a bad option is a usage error."""
    pairs = {}
    for option in options or []:
        field_name, _, column = option.partition("=")
        if not column:
            raise typer.BadParameter(f"{option!r} is not FIELD=NAME", param_hint="--column")
        pairs[field_name.strip()] = column.strip()
    try:
        return column_map.from_options(pairs)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--column") from exc


def open_articles(
    paths: list[str],
    input_format: InputFormat | None,
    published: str | None,
    columns: list[str] | None,
    fetch: bool,
    fetch_timeout: float,
    fetch_concurrency: int,
):
    """The article stream behind every command that reads sources."""
    from eventwire.ingest import ColumnMap, FetchSettings, read_articles

    return read_articles(
        paths,
        input_format.value if input_format else None,
        published=parse_date_option(published),
        columns=parse_column_options(columns, ColumnMap),
        fetch=fetch,
        fetch_settings=FetchSettings(timeout=fetch_timeout, concurrency=fetch_concurrency),
    )


@app.command()
def code(
    paths: PathsArgument,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    model: ModelOption = DEFAULT_MODEL,
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    published: PublishedOption = None,
    include_negated: Annotated[bool, typer.Option(help="Also print negated events.")] = False,
    input_format: InputFormatOption = None,
    column: ColumnOption = None,
    fetch: FetchOption = False,
    fetch_timeout: FetchTimeoutOption = 15.0,
    fetch_concurrency: FetchConcurrencyOption = 4,
) -> None:
    """Code news articles into PLOVER events and print them."""
    articles = open_articles(
        paths, input_format, published, column, fetch, fetch_timeout, fetch_concurrency
    )
    pipeline = None
    try:
        pipeline = load_pipeline_on(engine, model, workers, address)
        coded = 0
        for result in pipeline.code(articles):
            coded += 1
            print_coded(result, output_format, include_negated)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    finally:
        close_engine(pipeline)
    for problem in pipeline.problems:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)
    if coded == 0:
        raise fail("no article could be coded")


def print_coded(result: CodedArticle, output_format: OutputFormat, include_negated: bool) -> None:
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(include_negated), ensure_ascii=False) + "\n")
        return
    events = [e for e in result.events if include_negated or not e.negated]
    if output_format is OutputFormat.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        return
    article = result.article
    heading = " · ".join(
        p
        for p in (article.title or article.source, article.outlet, str(article.published or ""))
        if p
    )
    table = Table(title=heading, title_justify="left", expand=True)
    for column in ("date", "event", "mode", "cameo"):  # short codes: never wrapped
        table.add_column(column, no_wrap=True)
    for column, share in (("source", 2), ("target", 2), ("evidence", 3)):
        table.add_column(column, overflow="fold", ratio=share)
    for event in events:
        table.add_row(
            str(event.date or ""),
            event.event_type
            + (" (negated)" if event.negated else "")
            + (" (background)" if event.background else ""),
            event.mode or "",
            event.cameo or "",
            f"{event.source.name} ({event.source.code})" if event.source else "",
            f"{event.target.name} ({event.target.code})" if event.target else "",
            event.evidence,
        )
    console = out()
    console.print(table)
    for flag in result.flags:
        console.print(
            f"  [yellow]flag[/yellow] {flag.kind}: {flag.text} — {flag.detail}", highlight=False
        )


# -- the event store: ingest, query, export, stats ------------------------------------

DEFAULT_DB = Path("eventwire.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Source or target name contains this (or KB id).")
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", help="Source or target country: ISO alpha-3 code or name."),
]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
ModeOption = Annotated[str | None, typer.Option("--mode", help="PLOVER mode, e.g. phone.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")]
TextOption = Annotated[
    str | None, typer.Option("--text", help="Evidence sentence or title contains this.")
]
NegatedOption = Annotated[bool, typer.Option(help="Also include negated events.")]
BackgroundOption = Annotated[
    bool,
    typer.Option(
        "--background/--no-background",
        help="Include events reported as past context (background: true).",
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only events at least this confident (calibrated on real news: 0.2 keeps events "
        "right about one time in four or more).",
    ),
]


def event_filter(
    actor: str | None,
    country: str | None,
    event_type: str | None,
    mode: str | None,
    since: str | None,
    until: str | None,
    text: str | None,
    include_negated: bool,
    include_background: bool = True,
    min_confidence: float | None = None,
) -> EventFilter:
    from eventwire.store.query import EventFilter

    return EventFilter(
        actor=actor,
        country=country,
        event_type=event_type,
        mode=mode,
        since=parse_date_option(since),
        until=parse_date_option(until),
        text=text,
        include_negated=include_negated,
        include_background=include_background,
        min_confidence=min_confidence,
    )


def open_store(db: Path, read_only: bool = True) -> EventStore:
    from eventwire.store import EventStore

    try:
        return EventStore(db, read_only=read_only)
    except EventWireError as exc:
        raise fail(str(exc)) from None


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files, directories, URLs or - (as for `code`), or the Parquet output "
            "of `eventwire run`; none with --recode to recode only."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per committed transaction.")
    ] = 50,
    merge_window: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Days apart two mentions may be and still merge (default: the database's, or 1).",
        ),
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    published: PublishedOption = None,
    verbose: Annotated[bool, typer.Option(help="Print a line for every committed batch.")] = False,
    input_format: InputFormatOption = None,
    column: ColumnOption = None,
    fetch: FetchOption = False,
    fetch_timeout: FetchTimeoutOption = 15.0,
    fetch_concurrency: FetchConcurrencyOption = 4,
    recode: Annotated[
        bool,
        typer.Option(
            help="Also recode stored articles coded by another EventWire version, lexicon, "
            "knowledge base or model."
        ),
    ] = False,
) -> None:
    """Code articles and store them in DuckDB; articles already stored are skipped."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eventwire.engine.manifest import is_run_output
    from eventwire.nlp import BATCH_SIZE
    from eventwire.store.ingest import IngestReport, ingest_articles
    from eventwire.store.recode import recode_store

    paths = paths or []
    if not paths and not recode:
        raise fail("name the articles to ingest (or pass --recode to recode stored ones)")
    runs = [Path(p) for p in paths if is_run_output(Path(p))]
    paths = [p for p in paths if not is_run_output(Path(p))]
    articles = open_articles(
        paths, input_format, published, column, fetch, fetch_timeout, fetch_concurrency
    )
    store = open_store(db, read_only=False)
    pipeline = None
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles stored · {task.fields[events]} events"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    try:
        if merge_window is not None and store.set_merge_window(merge_window):
            err.print(f"merge window set to {merge_window} day(s); merged events recomputed")
        if runs:
            load_runs(store, runs, db)
        if paths or recode:
            pipeline = load_pipeline_on(
                engine, model, workers, address, batch_size=min(batch_size, BATCH_SIZE)
            )
        with progress:
            task = progress.add_task(f"ingesting into {db}", total=None, events=0)

            def batch_done(result, report) -> None:
                progress.update(task, completed=report.articles, events=report.events)
                if verbose:
                    progress.console.print(
                        f"committed batch: {result.articles} articles, {result.events} events "
                        f"(total {report.articles} articles)",
                        highlight=False,
                    )

            report = (
                ingest_articles(store, pipeline, articles, batch_size, batch_done)
                if paths
                else IngestReport()
            )
            if recode:
                progress.update(task, description=f"recoding older articles in {db}")
                recoded = recode_store(store, pipeline, batch_size)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted; committed batches are kept, rerun to finish") from None
    finally:
        close_engine(pipeline)
        store.close()
    for problem in report.problems:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
    if paths:
        err.print(
            f"{db}: stored {report.articles} new articles with {report.events} events; "
            f"{report.already_stored} already stored; {len(report.problems)} skipped as "
            "unreadable",
            highlight=False,
        )
    if recode:
        err.print(
            f"{db}: recoded {recoded.articles} articles coded by another version "
            f"({recoded.events} events now); all coded by {pipeline.provenance.short()}",
            highlight=False,
        )
    if paths and report.articles == 0 and report.already_stored == 0:
        raise fail("no article could be stored")


def load_runs(store: EventStore, runs: list[Path], db: Path) -> None:
    """Store the Parquet datasets of `eventwire run`, merging with what the store holds."""
    from eventwire.engine.run import load_run

    for out in runs:
        loaded = load_run(store, out)
        note = "" if loaded.complete else " (the run is not finished: rerun it, then load again)"
        err.print(
            f"{db}: stored {loaded.articles} new articles with {loaded.events} events from "
            f"{loaded.shards} shards of {out}; {loaded.already_stored} already stored{note}",
            highlight=False,
        )


@app.command()
def run(
    paths: PathsArgument,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder of the Parquet dataset (and its manifest).")
    ],
    engine: EngineOption = Engine.ray,
    address: AddressOption = None,
    workers: WorkersOption = None,
    model: ModelOption = DEFAULT_MODEL,
    shard_size: Annotated[
        int, typer.Option(min=1, help="Articles per shard (the unit of resuming).")
    ] = 64,
    published: PublishedOption = None,
    input_format: InputFormatOption = None,
    column: ColumnOption = None,
    fetch: FetchOption = False,
    fetch_timeout: FetchTimeoutOption = 15.0,
    fetch_concurrency: FetchConcurrencyOption = 4,
    verbose: Annotated[bool, typer.Option(help="Print a line for every finished shard.")] = False,
) -> None:
    """Code sources into a Parquet dataset (articles, events, quotes, flags by month); resumable.

    Rerunning over the same sources skips the shards already finished; load the
    dataset into a store with `eventwire ingest DIR`.
    """
    from eventwire.engine.run import SHARD_CHARS, run_to_parquet

    articles = open_articles(
        paths, input_format, published, column, fetch, fetch_timeout, fetch_concurrency
    )
    pipeline = None
    try:
        pipeline = load_pipeline_on(engine, model, workers, address)

        def shard_done(number: int, record) -> None:
            if verbose:
                err.print(
                    f"finished shard {number}: {record.articles} articles, {record.events} events",
                    highlight=False,
                )

        report = run_to_parquet(pipeline, articles, out_dir, shard_size, SHARD_CHARS, shard_done)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted; finished shards are kept, rerun to resume") from None
    finally:
        close_engine(pipeline)
    for problem in report.problems:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
    err.print(
        f"{out_dir}: wrote {report.shards} shards ({report.articles} articles, "
        f"{report.events} events); {report.finished_before} shards finished before; "
        f"{len(report.problems)} skipped as unreadable",
        highlight=False,
    )
    if report.shards == 0 and report.finished_before == 0:
        raise fail("no article could be coded")


# What a terminal table shows; jsonl and csv carry every column.
TABLE_COLUMNS = {
    "id",
    "date",
    "first_date",
    "last_date",
    "source_name",
    "source_country",
    "source_sector",
    "event_type",
    "mode",
    "target_name",
    "target_country",
    "target_sector",
    "cameo",
    "mention_count",
    "first_seen",
    "last_seen",
    "source_count",
    "outlet",
    "evidence",
    "week",
    "mentions",
    "merged_events",
    "eventwire_version",
    "lexicon_hash",
    "kb_hash",
    "models_hash",
    "articles",
}


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def query(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    mode: ModeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    include_negated: NegatedOption = False,
    background: BackgroundOption = True,
    min_confidence: MinConfidenceOption = None,
    merged: Annotated[
        bool, typer.Option(help="List merged events (mentions across articles) instead.")
    ] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows.")] = None,
    output_format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = QueryFormat.table,
) -> None:
    """List stored events matching the filters."""
    from eventwire.store.query import query_mentions, query_merged

    where = event_filter(
        actor,
        country,
        event_type,
        mode,
        since,
        until,
        text,
        include_negated,
        background,
        min_confidence,
    )
    store = open_store(db)
    try:
        columns, rows = (query_merged if merged else query_mentions)(store, where, limit)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    print_rows(
        columns, rows, output_format, title=f"{len(rows)} {'merged ' if merged else ''}events"
    )


def print_rows(
    columns: list[str], rows: list[tuple], output_format: QueryFormat, title: str
) -> None:
    import csv

    if output_format is QueryFormat.jsonl:
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif output_format is QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        shown = [i for i, column in enumerate(columns) if column in TABLE_COLUMNS] or list(
            range(len(columns))
        )
        table = Table(title=title, title_justify="left")
        for i in shown:
            table.add_column(columns[i], overflow="fold")
        for row in rows:
            table.add_row(*("" if row[i] is None else str(row[i]) for i in shown))
        out().print(table)


class ExportChoice(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    polecat = "polecat"
    icews = "icews"


@app.command()
def export(
    output_format: Annotated[ExportChoice, typer.Option("--format", "-f", help="Export layout.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    mode: ModeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    include_negated: NegatedOption = False,
    background: BackgroundOption = True,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export stored events: csv, parquet, jsonl, or the POLECAT / ICEWS column layouts."""
    from eventwire.store.export import ExportFormat, export_events

    where = event_filter(
        actor,
        country,
        event_type,
        mode,
        since,
        until,
        text,
        include_negated,
        background,
        min_confidence,
    )
    store = open_store(db)
    try:
        count = export_events(store, ExportFormat(output_format.value), output, where)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    err.print(f"wrote {count} events to {output} ({output_format.value})", highlight=False)


@app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    country: CountryOption = None,
    event_type: TypeOption = None,
    mode: ModeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    include_negated: NegatedOption = False,
    background: BackgroundOption = True,
    min_confidence: MinConfidenceOption = None,
    output_format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = QueryFormat.table,
) -> None:
    """Counts of event mentions and merged events by type, country pair and week."""
    from eventwire.store.query import stats as count_events

    where = event_filter(
        actor,
        country,
        event_type,
        mode,
        since,
        until,
        text,
        include_negated,
        background,
        min_confidence,
    )
    store = open_store(db)
    try:
        totals = store.counts()
        groups = count_events(store, where)
        groups["coder"] = store.provenance_mix()
    except EventWireError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if output_format is QueryFormat.table:
        out().print(
            f"{db}: {totals['articles']} articles, {totals['events']} event mentions, "
            f"{totals['merged_events']} merged events",
            highlight=False,
        )
    for name, (columns, rows) in groups.items():
        if output_format is QueryFormat.jsonl:
            for row in rows:
                record = {"by": name, **dict(zip(columns, row, strict=True))}
                sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        else:
            print_rows(columns, rows, output_format, title=f"by {name.replace('_', ' ')}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback is warned about.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    query_timeout: Annotated[
        float, typer.Option(min=0.1, max=600, help="Seconds one query may run before it stops.")
    ] = 10.0,
) -> None:
    """Serve the store read-only: JSON API (/api, docs at /docs) and the analyst's pages (/)."""
    from eventwire.web import serve as run_server

    try:
        run_server(
            db,
            host,
            port,
            query_timeout,
            say=lambda line: err.print(line, highlight=False, markup=False),
        )
    except EventWireError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold file (sentence or article gold, JSON Lines).")],
    output_format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EvalFormat.table,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to parse with.")
    ] = DEFAULT_MODEL,
) -> None:
    """Score EventWire against a gold file (see shared/eval/README.md)."""
    from eventwire.evaluate import evaluate_file
    from eventwire.pipeline import Pipeline

    try:
        result = evaluate_file(gold, Pipeline.load(model))
    except EventWireError as exc:
        raise fail(str(exc)) from None
    if output_format is EvalFormat.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    print_scores(result)


@app.command()
def train(
    corpus: Annotated[
        Path, typer.Option(help="Training corpus (JSON Lines, from training/build_corpus.py).")
    ] = Path("training/corpus.jsonl"),
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model; default: the shipped model."),
    ] = None,
    quick: Annotated[
        bool, typer.Option(help="Train on a small subset (for tests); not for shipping.")
    ] = False,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    output_format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EvalFormat.table,
) -> None:
    """Train the event-type classifier (the coder's second opinion) and report held-out scores."""
    from eventwire.events.classifier import default_model_path, format_metrics
    from eventwire.events.classifier import train as train_classifier

    try:
        metrics = train_classifier(corpus, out_path or default_model_path(), seed=seed, quick=quick)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    if output_format is EvalFormat.json:
        sys.stdout.write(json.dumps(metrics, ensure_ascii=False) + "\n")
        return
    out().print(format_metrics(metrics), highlight=False)


@app.command()
def calibrate(
    gold: Annotated[
        list[Path],
        typer.Argument(help="Article gold files that may be studied (not a blind split)."),
    ],
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model; default: the shipped model."),
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to parse with.")
    ] = DEFAULT_MODEL,
) -> None:
    """Fit the confidence calibration on article gold (see events/calibration.py)."""
    from eventwire.evaluate import labelled_events
    from eventwire.events.calibration import MODEL_FILE, fit
    from eventwire.pipeline import Pipeline

    try:
        pipeline = Pipeline.load(model)
        rows = [row for path in gold for row in labelled_events(path, pipeline)]
        names = ", ".join(path.name for path in gold)
        calibrator = fit(rows, trained_on=names)
        right = sum(1 for _, ok in rows if ok)
        calibrator.save(out_path or MODEL_FILE, {"events": len(rows), "right": right})
    except EventWireError as exc:
        raise fail(str(exc)) from None
    out().print(f"calibration fitted on {len(rows)} events ({right} right) from {names}")


def print_scores(result: dict) -> None:
    console = out()
    table = Table(title=f"event type ({result['records']} records)", title_justify="left")
    for column in ("category", "precision", "recall", "f1", "support"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, scores in result["event_type"]["per_category"].items():
        table.add_row(
            name,
            f"{scores['precision']:.3f}",
            f"{scores['recall']:.3f}",
            f"{scores['f1']:.3f}",
            str(scores["support"]),
        )
    micro = result["event_type"]["micro"]
    table.add_row(
        "micro", f"{micro['precision']:.3f}", f"{micro['recall']:.3f}", f"{micro['f1']:.3f}", ""
    )
    console.print(table)
    triple = result["triple"]
    console.print(
        f"triple: precision {triple['precision']:.3f}  recall {triple['recall']:.3f}  "
        f"f1 {triple['f1']:.3f}"
    )
    console.print(
        f"mode accuracy: {result['mode']['accuracy']:.3f} ({result['mode']['records']} records)"
    )
    if "source_country_accuracy" in result:
        console.print(f"source country accuracy: {result['source_country_accuracy']:.3f}")
    negatives = result.get("negatives") or {}
    if negatives.get("records"):
        console.print(f"negatives: {negatives['coded']} of {negatives['records']} coded an event")
    for system, scores in result.get("systems", {}).items():
        line = (
            f"{system:>10}: event type P {scores['event_type_precision']:.3f} "
            f"R {scores['event_type_recall']:.3f} F1 {scores['event_type_f1']:.3f}  "
            f"triple F1 {scores['triple_f1']:.3f}"
        )
        if "core_recall" in scores:
            line += (
                f"  core recall {scores['core_recall']:.3f} precision {scores['precision']:.3f} "
                f"F1 {scores['core_f1']:.3f}"
            )
        console.print(line, highlight=False)
    if "core_recall" in result:
        console.print(
            f"core recall: {result['core_recall']:.3f} ({result['core_found']}/"
            f"{result['core_total']})  precision: {result['precision']:.3f} "
            f"({result['predicted']} predicted, {result['unmatched_predictions']} unmatched)  "
            f"date accuracy: {result['date_accuracy']:.3f}  core F1: {result['core_f1']:.3f}"
        )
        console.print(describe_dates_and_places(result), highlight=False)
        console.print(
            "confidence bin: mean confidence / precision (events): "
            + "  ".join(
                f"{row['bin']}: {row['mean_confidence']:.2f}/{row['precision']:.2f} ({row['predicted']})"
                for row in result["reliability"]
                if row["predicted"]
            ),
            highlight=False,
        )
        if result.get("frozen"):
            console.print("  (frozen blind split: unmatched predictions are not shown)")
        for line in result["unmatched"]:
            console.print(f"  unmatched: {line}", highlight=False, markup=False)


def describe_dates_and_places(result: dict) -> str:
    """Date accuracy on matched core events, and place precision/recall where gold has places."""
    core = result.get("core_date_accuracy")
    line = "date accuracy on matched core events: " + (
        f"{core:.3f} ({result['core_dated']} matched)" if core is not None else "- (none matched)"
    )
    place = result.get("place") or {}
    if not place.get("annotated"):
        return line + "  place: the gold gives no event places (no `location` field)"
    precision, recall = place["precision"], place["recall"]
    return (
        line
        + f"  place: precision {'-' if precision is None else f'{precision:.3f}'}"
        + f" ({place['right']}/{place['predicted_placed']})"
        + f" recall {'-' if recall is None else f'{recall:.3f}'} ({place['right']}/{place['gold_placed']})"
        + f" on {place['matched_annotated']} matched events of {place['annotated']} with a place field"
    )


actors_app = typer.Typer(help="Look into the actor knowledge base.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


class LookupFormat(StrEnum):
    table = "table"
    json = "json"


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[
        str, typer.Argument(help='A name, alias or short phrase ("Russian President").')
    ],
    on: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for dated roles; default today.")
    ] = None,
    output_format: Annotated[
        LookupFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LookupFormat.table,
) -> None:
    """Show how a name resolves to an actor, and why."""
    from eventwire.actors import ActorResolver

    when = parse_date_option(on)
    try:
        resolution = ActorResolver.load().lookup(name, when)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    if output_format is LookupFormat.json:
        sys.stdout.write(json.dumps(resolution.to_dict(), ensure_ascii=False) + "\n")
    else:
        console = out()
        table = Table(title=f"{name} ({when or date.today()})", title_justify="left")
        for column in ("actor", "code", "role", "kb id", "basis"):
            table.add_column(column, overflow="fold")
        for rank, actor in enumerate(
            [resolution.actor, *resolution.candidates] if resolution.actor else []
        ):
            basis = resolution.basis if rank == 0 else "candidate"
            table.add_row(actor.name, actor.code, actor.role or "", actor.kb_id or "", basis)
        console.print(table)
        for line in resolution.explanation:
            console.print(f"  {line}", highlight=False)
    if resolution.actor is None:
        raise typer.Exit(code=1)


@actors_app.command("stats")
def actors_stats(
    output_format: Annotated[
        LookupFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LookupFormat.table,
) -> None:
    """Count the knowledge base entries by kind."""
    from eventwire.actors import ActorResolver

    try:
        counts = ActorResolver.load().kb.counts()
    except EventWireError as exc:
        raise fail(str(exc)) from None
    if output_format is LookupFormat.json:
        sys.stdout.write(json.dumps(counts) + "\n")
        return
    table = Table(title="actor knowledge base", title_justify="left")
    table.add_column("kind")
    table.add_column("entries", justify="right")
    for kind, count in counts.items():
        table.add_row(kind, str(count))
    out().print(table)


lexicon_app = typer.Typer(help="Look into the trigger lexicon.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("stats")
def lexicon_stats(
    output_format: Annotated[
        LookupFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LookupFormat.table,
) -> None:
    """Count families, entries and example sentences per PLOVER category."""
    from eventwire.events.examples import entry_counts
    from eventwire.events.patterns import load_patterns

    try:
        counts = entry_counts(load_patterns())
    except EventWireError as exc:
        raise fail(str(exc)) from None
    if output_format is LookupFormat.json:
        sys.stdout.write(json.dumps(counts) + "\n")
        return
    table = Table(title="trigger lexicon", title_justify="left")
    table.add_column("category")
    for column in ("families", "entries", "examples"):
        table.add_column(column, justify="right")
    for category, row in [*counts.items(), ("total", total_counts(counts))]:
        table.add_row(category, *(str(row.get(c, 0)) for c in ("families", "entries", "examples")))
    out().print(table)


def total_counts(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {
        column: sum(row.get(column, 0) for row in counts.values())
        for column in ("families", "entries", "examples")
    }


@lexicon_app.command("check")
def lexicon_check(
    model: Annotated[str, typer.Option(help="spaCy pipeline to parse with.")] = DEFAULT_MODEL,
) -> None:
    """Code every example sentence of the lexicon and list the ones that fail."""
    from eventwire.events.examples import run_examples
    from eventwire.pipeline import Pipeline

    try:
        pipeline = Pipeline.load(model)
        results = run_examples(pipeline, pipeline.coder.patterns)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    failed = [r for r in results if not r.passed]
    for result in failed:
        err.print(f"FAIL {result.describe()}", markup=False, highlight=False)
    out().print(f"{len(results) - len(failed)} of {len(results)} examples pass", highlight=False)
    if failed:
        raise typer.Exit(code=1)
