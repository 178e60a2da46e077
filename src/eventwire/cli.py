"""The ``eventwire`` command."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventWireError
from eventwire.model import CodedArticle
from eventwire.nlp import DEFAULT_MODEL

app = typer.Typer(
    help="EventWire: raw news in, PLOVER/CAMEO political event records out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


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


@app.command()
def code(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files, directories, http(s) URLs, or - for standard input "
            "(text, HTML, WARC, RSS/Atom, JSON Lines, CSV/TSV; .gz/.bz2 too)."
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to parse with.")
    ] = DEFAULT_MODEL,
    published: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    ] = None,
    include_negated: Annotated[bool, typer.Option(help="Also print negated events.")] = False,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(help="Read every input as this format (default: from name or content)."),
    ] = None,
    text_column: Annotated[
        str, typer.Option(help="JSON Lines/CSV column holding the article text.")
    ] = "text",
    title_column: Annotated[str, typer.Option(help="Column holding the title.")] = "title",
    date_column: Annotated[str, typer.Option(help="Column holding the publication date.")] = "date",
    url_column: Annotated[str, typer.Option(help="Column holding the URL.")] = "url",
    id_column: Annotated[str, typer.Option(help="Column holding the record id.")] = "id",
    fetch: Annotated[
        bool, typer.Option(help="Download the page behind each feed entry (HTTP).")
    ] = False,
    fetch_timeout: Annotated[
        float, typer.Option(help="Seconds to wait for one page download.")
    ] = 15.0,
    fetch_concurrency: Annotated[
        int, typer.Option(min=1, max=32, help="Pages downloaded at once.")
    ] = 4,
) -> None:
    """Code news articles into PLOVER events and print them."""
    from eventwire.ingest import ColumnMap, FetchSettings, read_articles
    from eventwire.pipeline import Pipeline

    fallback_date = parse_date_option(published)
    columns = ColumnMap(
        text=text_column, title=title_column, date=date_column, url=url_column, id=id_column
    )
    fetch_settings = FetchSettings(timeout=fetch_timeout, concurrency=fetch_concurrency)
    articles = read_articles(
        paths,
        input_format.value if input_format else None,
        published=fallback_date,
        columns=columns,
        fetch=fetch,
        fetch_settings=fetch_settings,
    )
    try:
        pipeline = Pipeline.load(model)
        coded = 0
        for result in pipeline.code(articles):
            coded += 1
            print_coded(result, output_format, include_negated)
    except EventWireError as exc:
        raise fail(str(exc)) from None
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
    table = Table(title=heading, title_justify="left", show_lines=False)
    for column in ("date", "source", "event", "mode", "target", "cameo", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            str(event.date or ""),
            f"{event.source.name} ({event.source.code})" if event.source else "",
            event.event_type + (" (negated)" if event.negated else ""),
            event.mode or "",
            f"{event.target.name} ({event.target.code})" if event.target else "",
            event.cameo or "",
            event.evidence,
        )
    console = Console(width=160)
    console.print(table)
    for flag in result.flags:
        console.print(
            f"  [yellow]flag[/yellow] {flag.kind}: {flag.text} — {flag.detail}", highlight=False
        )
