"""The ``eventwire`` command."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
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
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
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
) -> None:
    """Code news articles into PLOVER events and print them."""
    from eventwire.ingest import read_articles
    from eventwire.pipeline import Pipeline

    fallback_date = parse_date_option(published)
    try:
        pipeline = Pipeline.load(model)
        coded = 0
        for result in pipeline.code(read_articles(paths, published=fallback_date)):
            coded += 1
            print_coded(result, output_format, include_negated)
    except EventWireError as exc:
        raise fail(str(exc)) from None
    for problem in pipeline.problems:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
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


def print_scores(result: dict) -> None:
    console = Console(width=120)
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
    if "core_recall" in result:
        console.print(
            f"core recall: {result['core_recall']:.3f} ({result['core_found']}/"
            f"{result['core_total']})  precision: {result['precision']:.3f} "
            f"({result['predicted']} predicted, {result['unmatched_predictions']} unmatched)  "
            f"date accuracy: {result['date_accuracy']:.3f}"
        )
        for line in result["unmatched"]:
            console.print(f"  unmatched: {line}", highlight=False)


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
        console = Console(width=160)
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
    Console().print(table)
