"""Peak memory and throughput of ingesting a WARC of at least 1 GB, printed as one JSON line.

Builds a synthetic crawl (pages written from the project's own sentence
templates, padded with scripts and navigation the way real pages are) in a
temporary directory, codes ``--limit`` records of it through the full
pipeline (or all of them), optionally streams every record through ingest,
cleaning and duplicate detection (``--scan-all``), and removes the archive.

    PYTHONPATH=src python benchmarks/ingest_memory.py --limit 300 --scan-all
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from eventwire.ingest import read_articles
from eventwire.ingest.warc import warc_response_record

GIB = 1024**3
LIMIT_BYTES = int(1.5 * GIB)

COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Uganda", "Ugandan", "Kampala"),
    ("Tanzania", "Tanzanian", "Dodoma"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Peru", "Peruvian", "Lima"),
    ("Chile", "Chilean", "Santiago"),
    ("Norway", "Norwegian", "Oslo"),
    ("Poland", "Polish", "Warsaw"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Jordan", "Jordanian", "Amman"),
    ("Morocco", "Moroccan", "Rabat"),
]
OFFICIALS = ["foreign minister", "defence minister", "president", "prime minister", "trade envoy"]
TOPICS = [
    "grain exports",
    "a disputed stretch of border",
    "fishing rights",
    "a new rail link",
    "refugee returns",
    "electricity imports",
    "a ceasefire along the frontier",
    "visa rules for students",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "The {o1} of {a} met the {o2} of {b} in {city} on {day} to discuss {topic}.",
    "{adj_a} officials said the talks on {topic} had made progress but no deal was signed.",
    "The {o2} of {b} accused {a} of breaking an earlier promise on {topic}.",
    "{a} agreed to send a delegation to {bcity} next month to continue the negotiations.",
    "Police in {city} dispersed several hundred protesters who opposed the plan on {topic}.",
    "The {o1} of {a} praised the {adj_b} government for its patience during the talks.",
    "{b} threatened to recall its ambassador if the dispute over {topic} was not settled.",
    "Both governments promised to publish the terms of any agreement before the end of the year.",
    "Opposition lawmakers in {bcity} demanded a vote in parliament on any deal about {topic}.",
    "Analysts said the meeting on {day} was the first at this level in almost two years.",
]
SCRIPT = (
    "<script>window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)}</script>"
)
STATE_ITEM = '{"id":%d,"slot":"teaser","layout":"grid","tracking":"wire-%d"},'
MENU = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(120))


def article_paragraphs(rng: random.Random) -> tuple[str, list[str]]:
    (a, adj_a, city), (b, adj_b, bcity) = rng.sample(COUNTRIES, 2)
    slots = {
        "a": a,
        "adj_a": adj_a,
        "city": city,
        "b": b,
        "adj_b": adj_b,
        "bcity": bcity,
        "o1": rng.choice(OFFICIALS),
        "o2": rng.choice(OFFICIALS),
        "topic": rng.choice(TOPICS),
        "day": rng.choice(DAYS),
    }
    paragraphs = []
    for _ in range(rng.randint(8, 14)):
        sentences = rng.sample(TEMPLATES, rng.randint(2, 3))
        paragraphs.append(" ".join(s.format(**slots) for s in sentences))
    return f"{a} and {b} hold talks on {slots['topic']}", paragraphs


def page(index: int, rng: random.Random, padding: int) -> bytes:
    """A page of ~90 KB: 30 small scripts, a large inline JSON state blob, a menu, the story."""
    title, paragraphs = article_paragraphs(rng)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    state = "".join(STATE_ITEM % (i, i) for i in range(padding))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="Synthetic Wire">'
        f'<meta property="article:published_time" content="2024-{1 + index % 12:02d}-{1 + index % 28:02d}">'
        f'{SCRIPT * 30}<script type="application/json">[{state}{{}}]</script>'
        f"</head><body><nav><ul>{MENU}</ul></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>Sign up for our newsletter</p></footer></body></html>"
    ).encode()


def build_warc(path: Path, min_bytes: int, seed: int = 7) -> int:
    """Write response records until the file holds at least ``min_bytes``; return the count."""
    rng = random.Random(seed)
    written = count = 0
    with path.open("wb") as out:
        while written < min_bytes:
            html = page(count, rng, padding=rng.randint(1000, 1400))
            written += out.write(warc_response_record(f"https://wire.example/story/{count}", html))
            count += 1
    return count


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def code_records(warc: Path, limit: int | None) -> dict[str, float]:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline.load()
    started = time.perf_counter()
    records = itertools.islice(read_articles([warc]), limit)
    coded = events = 0
    for result in pipeline.code(records):
        coded += 1
        events += len(result.events)
    seconds = time.perf_counter() - started
    read = coded + len(pipeline.problems)
    return {
        "coded": coded,
        "skipped": len(pipeline.problems),
        "events": events,
        "code_seconds": round(seconds, 1),
        "code_records_per_s": round(read / seconds, 2),
    }


def scan_records(warc: Path) -> dict[str, float]:
    """Every record through ingest, cleaning and duplicate detection, without parsing."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline.load()
    started = time.perf_counter()
    kept = sum(1 for _ in pipeline.clean_stream(read_articles([warc])))
    skipped = len(pipeline.problems)
    seconds = time.perf_counter() - started
    return {
        "scan_records": kept + skipped,
        "scan_skipped": skipped,
        "scan_seconds": round(seconds, 1),
        "scan_records_per_s": round((kept + skipped) / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0, help="archive size in GiB (at least)")
    parser.add_argument("--limit", type=int, default=None, help="code only the first N records")
    parser.add_argument("--scan-all", action="store_true", help="also stream every record")
    parser.add_argument("--tmp", default=None, help="folder for the temporary archive")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="eventwire-bench-", dir=args.tmp))
    try:
        warc = folder / "synthetic.warc"
        started = time.perf_counter()
        total = build_warc(warc, int(args.gb * GIB))
        result: dict[str, object] = {
            "benchmark": "ingest_memory",
            "warc_bytes": warc.stat().st_size,
            "warc_records": total,
            "build_seconds": round(time.perf_counter() - started, 1),
            "limit": args.limit,
        }
        result.update(code_records(warc, args.limit))
        if args.scan_all:
            result.update(scan_records(warc))
        peak = peak_rss_bytes()
        result["peak_rss_mib"] = round(peak / 2**20, 1)
        result["under_1_5_gib"] = peak < LIMIT_BYTES
        print(json.dumps(result))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
