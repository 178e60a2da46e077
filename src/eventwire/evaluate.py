"""Scoring coded events against gold files, as ``../shared/eval/README.md`` defines.

Two gold shapes are recognised by their records:

* sentence gold (``text`` + ``event`` + lists of ``source``/``target``): every record is
  coded as a one-sentence article (parsed in batches through the pipeline) and scored
  per record — event type (per category and micro), triple, mode accuracy, and the
  share of type-matched records whose source country is right; a record whose ``event``
  is null is a negative (no event, irrealis, negated, opinion): each event coded for it is
  a false positive of its type;
* article gold (``article`` + single ``source``/``target`` + ``core``): the named article
  file (relative to the gold file's folder) is coded once and its events are matched
  against the gold events — core recall, precision over every predicted event, their F1,
  and date accuracy of matched events;
* corpus gold (article gold whose records name ``corpus`` + ``row`` instead of
  ``article``): the article is that row of a CSV corpus (text, date and source columns),
  so press text stays in the corpus and the gold holds only offsets (docs/annotation.md).

Event-type precision counts every predicted event: a wrong-type prediction beside a right
one is a false positive, so coding more cannot flatter the score.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

from eventwire.errors import DocumentError, EventWireError
from eventwire.ingest.records import parse_record_date
from eventwire.model import Actor, Article, Event
from eventwire.nlp import parse_batches

# Old CAMEO spellings in gold files and the ISO-3166 codes the resolver gives.
CAMEO_COUNTRY_SPELLINGS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UK": "GBR"}
UNKNOWN_SECTORS = {"", "***"}
# Mode names from earlier PLOVER drafts used in gold files -> the manual's current names.
GOLD_MODE_NAMES = {
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "confiscate": "seize",
    "detain": "arrest",
    "assassinate": "targeted",
    "host": "visit",
}


def country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return CAMEO_COUNTRY_SPELLINGS.get(code, code)


def sector(code: str | None) -> str | None:
    if code is None or code.strip() in UNKNOWN_SECTORS:
        return None
    return code.strip()[:3].upper()


def actor_matches(gold: dict[str, Any], predicted: Actor | None) -> bool:
    """Country must agree; sector too when the gold names one (first three letters)."""
    if predicted is None:
        return False
    gold_country = country(gold.get("code") or gold.get("country"))
    if gold_country is None or country(predicted.country) != gold_country:
        return False
    gold_sector = sector(gold.get("sector"))
    return gold_sector is None or sector(predicted.sector) == gold_sector


def mode_name(mode: str | None) -> str | None:
    return GOLD_MODE_NAMES.get(mode, mode) if mode else None


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EventWireError(f"{path}: gold file not found")
    records = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"{path}:{number}", f"not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or "event" not in record:
            raise DocumentError(f"{path}:{number}", "a gold record needs an 'event' field")
        records.append(record)
    if not records:
        raise EventWireError(f"{path}: no gold records")
    return records


def is_article_gold(records: list[dict[str, Any]]) -> bool:
    return all("article" in r or "corpus" in r for r in records)


def article_key(record: dict[str, Any]) -> str:
    """The article a gold record belongs to: a file name, or a corpus row."""
    if "corpus" in record:
        return f"{record['corpus']}#{record['row']}"
    return record["article"]


# -- sentence gold ---------------------------------------------------------------------


def triple_matches(record: dict[str, Any], event: Event) -> bool:
    """Type, source and target agree; two sources, no target, SRC/TAR = reciprocal."""
    if event.event_type != record["event"]:
        return False
    sources = record.get("source") or []
    targets = record.get("target") or []
    reciprocal = len(sources) >= 2 and not targets and "SRC/TAR" in record.get("markup", "")
    if reciprocal:
        return any(
            actor_matches(a, event.source) and actor_matches(b, event.target)
            for a in sources
            for b in sources
            if a is not b
        )
    if sources:
        if not any(actor_matches(s, event.source) for s in sources):
            return False
    elif event.source is not None and event.source.country:
        return False
    if targets:
        return any(actor_matches(t, event.target) for t in targets)
    return event.target is None or not event.target.country


def score_sentence_records(
    records: list[dict[str, Any]], predictions: list[list[Event]]
) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    triple = Counter()
    modes = Counter()
    source_country = Counter()
    negatives = Counter()
    for record, events in zip(records, predictions, strict=True):
        gold_type = record["event"]
        events = sorted(events, key=lambda e: -e.confidence)
        if gold_type is None:  # a negative record: every prediction is a false positive
            negatives["total"] += 1
            negatives["coded"] += bool(events)
            for event in events:
                fp[event.event_type] += 1
            if events:
                triple["fp"] += 1
            continue
        typed = [e for e in events if e.event_type == gold_type]
        if typed:
            tp[gold_type] += 1
            best = typed[0]
            source_country["typed"] += 1
            gold_countries = {country(s.get("code")) for s in record.get("source") or []}
            if any(country(e.source.country) in gold_countries for e in typed if e.source):
                source_country["right"] += 1
        else:
            fn[gold_type] += 1
            best = None
        for event in events:  # every prediction of another type is a false positive
            if event.event_type != gold_type:
                fp[event.event_type] += 1
        if any(triple_matches(record, e) for e in events):
            triple["tp"] += 1
        else:
            triple["fn"] += 1
            if events:
                triple["fp"] += 1
        if record.get("mode"):
            modes["total"] += 1
            if best is not None and mode_name(best.mode) == mode_name(record["mode"]):
                modes["right"] += 1
    categories = sorted(set(tp) | set(fp) | set(fn))
    per_category = {c: prf(tp[c], fp[c], fn[c]) | {"support": tp[c] + fn[c]} for c in categories}
    return {
        "event_type": {
            "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "per_category": per_category,
        },
        "triple": prf(triple["tp"], triple["fp"], triple["fn"]),
        "mode": {
            "accuracy": round(modes["right"] / modes["total"], 4) if modes["total"] else 0.0,
            "records": modes["total"],
        },
        "source_country_accuracy": round(source_country["right"] / source_country["typed"], 4)
        if source_country["typed"]
        else 0.0,
        "records": len(records),
        "negatives": {"records": negatives["total"], "coded": negatives["coded"]},
    }


def sentence_docs(records: list[dict[str, Any]], pipeline) -> list[tuple[Any, Article]]:
    """Each record as a one-sentence article, parsed once in batches with ``nlp.pipe``."""
    articles = [
        Article(text=r["text"].strip(), source=str(r.get("id", n)), published=None)
        for n, r in enumerate(records)
    ]
    return list(parse_batches(pipeline.nlp, ((a.text, a) for a in articles), pipeline.batch_size))


def coded_events(pipeline, parsed: list[tuple[Any, Article]]) -> list[list[Event]]:
    """The non-negated events of each parsed article, in order."""
    return [[e for e in c.events if not e.negated] for c in pipeline.code_parsed(parsed)]


@contextmanager
def patterns_only(pipeline) -> Iterator[None]:
    """Code with the lexicon alone: the classifier's second opinion switched off."""
    coder = pipeline.coder
    saved, coder.second_opinion = coder.second_opinion, None
    try:
        yield
    finally:
        coder.second_opinion = saved


def classifier_alone(pipeline, parsed: list[tuple[Any, Article]]) -> list[list[Event]]:
    """The classifier's own calls, without lexicon or roles: one typed event per candidate
    word it is sure of (``add_threshold``), for its standalone event-type score."""
    opinion = pipeline.coder.second_opinion
    found = []
    for doc, article in parsed:
        events = []
        for sentence in doc.sents:
            views = opinion.score(opinion.classifier.candidates(sentence))
            for i, view in views.items():
                if not opinion.sure(view):
                    continue
                token = doc[i]
                events.append(
                    Event(
                        article_id=article.id,
                        sentence_index=0,
                        sentence=sentence.text,
                        span=(token.idx, token.idx + len(token)),
                        evidence=token.text,
                        source=None,
                        target=None,
                        event_type=view.label,
                        confidence=view.probability,
                    )
                )
        found.append(events)
    return found


def system_summary(scores: dict[str, Any]) -> dict[str, float]:
    summary = {"event_type_f1": scores["event_type"]["micro"]["f1"]}
    summary |= {f"event_type_{k}": v for k, v in scores["event_type"]["micro"].items()}
    summary["triple_f1"] = scores["triple"]["f1"]
    for key in ("core_recall", "precision", "core_f1"):
        if key in scores:
            summary[key] = scores[key]
    return summary


# -- article gold ----------------------------------------------------------------------


RELIABILITY_BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0)


def reliability(scored: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Predicted events per confidence bin, their mean confidence and the share of them
    that match gold: calibrated confidence has the two numbers close in every bin."""
    rows = []
    for low, high in pairwise(RELIABILITY_BINS):
        inside = [
            (conf, right) for conf, right in scored if low <= conf < high or conf == high == 1.0
        ]
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "predicted": len(inside),
                "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 4)
                if inside
                else None,
                "precision": round(sum(r for _, r in inside) / len(inside), 4) if inside else None,
            }
        )
    return rows


def article_event_matches(gold: dict[str, Any], event: Event) -> bool:
    types = {gold["event"], *gold.get("also_accept", [])}
    if event.event_type not in types:
        return False
    if not actor_matches(gold.get("source") or {}, event.source):
        return False
    target = gold.get("target")
    if target is None:
        return event.target is None or not event.target.country
    return actor_matches(target, event.target)


def unmatched_predictions(
    records: list[dict[str, Any]], events_by_article: dict[str, list[Event]]
) -> list[Event]:
    """Predicted events that match no gold event of their own article."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_article.setdefault(article_key(record), []).append(record)
    return [
        e
        for article, events in events_by_article.items()
        for e in events
        if not any(article_event_matches(r, e) for r in by_article.get(article, []))
    ]


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score_place(gold: dict[str, Any] | None, candidates: list[Event]) -> Counter:
    """One matched gold event's place against its best prediction's.

    Gold ``location`` is ``{"name", "country"}`` or null (the text gives the event no
    place). A predicted place is right when its country agrees and its name is the
    gold's (accents, case and "the" aside, or the same gazetteer entry)."""
    from eventwire.places import fold, gazetteer

    counts: Counter = Counter(matched=1)
    predicted = next((e.location for e in candidates if e.location), None)
    counts["gold_placed"] += gold is not None
    counts["predicted_placed"] += predicted is not None
    if gold is None or predicted is None:
        return counts
    entry = gazetteer().lookup(gold.get("name", ""), gold.get("country"))
    names = {fold(gold.get("name", ""))} | ({fold(entry.name)} if entry else set())
    counts["right"] += predicted.country == gold.get("country") and fold(predicted.name) in names
    return counts


def place_scores(placed: Counter, annotated: int) -> dict[str, Any]:
    """Precision and recall of event places over matched events whose gold has a place field."""
    return {
        "annotated": annotated,
        "matched_annotated": placed["matched"],
        "precision": ratio(placed["right"], placed["predicted_placed"]),
        "recall": ratio(placed["right"], placed["gold_placed"]),
        "right": placed["right"],
        "predicted_placed": placed["predicted_placed"],
        "gold_placed": placed["gold_placed"],
    }


def score_article_records(
    records: list[dict[str, Any]], events_by_article: dict[str, list[Event]]
) -> dict[str, Any]:
    core = [r for r in records if r.get("core")]
    found_core = 0
    dated = Counter()
    placed = Counter()
    for record in records:
        candidates = [
            e
            for e in events_by_article.get(article_key(record), [])
            if article_event_matches(record, e)
        ]
        if not candidates:
            continue
        if record.get("core"):
            found_core += 1
        right_date = bool(record.get("date")) and any(
            e.date and e.date.isoformat() == record["date"] for e in candidates
        )
        dated["matched"] += 1
        dated["right"] += right_date
        if record.get("core"):
            dated["core_matched"] += 1
            dated["core_right"] += right_date
        if "location" in record:
            placed.update(score_place(record["location"], candidates))
    predicted = [e for events in events_by_article.values() for e in events]
    unmatched = unmatched_predictions(records, events_by_article)
    wrong = {id(e) for e in unmatched}
    precision = (len(predicted) - len(unmatched)) / len(predicted) if predicted else 0.0
    recall = found_core / len(core) if core else 0.0
    return {
        "core_recall": round(recall, 4),
        "core_f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "core_found": found_core,
        "core_total": len(core),
        "precision": round(precision, 4),
        "predicted": len(predicted),
        "unmatched_predictions": len(unmatched),
        "date_accuracy": round(dated["right"] / dated["matched"], 4) if dated["matched"] else 0.0,
        "core_date_accuracy": ratio(dated["core_right"], dated["core_matched"]),
        "core_dated": dated["core_matched"],
        "place": place_scores(placed, sum("location" in r for r in records)),
        "reliability": reliability([(e.confidence, id(e) not in wrong) for e in predicted]),
        "unmatched": [
            f"{e.event_type} {e.source.code if e.source else '---'} -> "
            f"{e.target.code if e.target else '---'}: {e.evidence}"
            for e in unmatched
        ],
    }


def article_files(paths: Iterable[Path]) -> tuple[list, dict[Path, str]]:
    from eventwire.ingest import read_articles

    names = {path.resolve(): path.name for path in paths}
    return list(read_articles(list(names))), names


def parse_articles(pipeline, articles: list) -> list[tuple[Any, Article]]:
    """Clean and parse the gold's articles once; any problem stops the evaluation."""
    earlier_problems = len(pipeline.problems)
    parsed = list(parse_batches(pipeline.nlp, pipeline.clean_stream(articles), pipeline.batch_size))
    for problem in pipeline.problems[earlier_problems:]:
        raise EventWireError(f"could not code a gold article: {problem}")
    return parsed


def article_scores_as_sentence_shape(
    records: list[dict[str, Any]], events_by_article: dict[str, list[Event]]
) -> dict[str, Any]:
    """Per-category type and triple scores over gold events (each gold event = one record)."""
    tp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    triple = Counter()
    for record in records:
        events = events_by_article.get(article_key(record), [])
        if any(article_event_matches(record, e) for e in events):
            tp[record["event"]] += 1
            triple["tp"] += 1
        else:
            fn[record["event"]] += 1
            triple["fn"] += 1
    for event in unmatched_predictions(records, events_by_article):
        fp[event.event_type] += 1
        triple["fp"] += 1
    categories = sorted(set(tp) | set(fp) | set(fn))
    modes = Counter()
    for record in records:
        if record.get("mode"):
            modes["total"] += 1
            events = events_by_article.get(article_key(record), [])
            if any(
                article_event_matches(record, e) and mode_name(e.mode) == mode_name(record["mode"])
                for e in events
            ):
                modes["right"] += 1
    return {
        "event_type": {
            "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "per_category": {
                c: prf(tp[c], fp[c], fn[c]) | {"support": tp[c] + fn[c]} for c in categories
            },
        },
        "triple": prf(triple["tp"], triple["fp"], triple["fn"]),
        "mode": {
            "accuracy": round(modes["right"] / modes["total"], 4) if modes["total"] else 0.0,
            "records": modes["total"],
        },
    }


# -- front door ------------------------------------------------------------------------


def find_corpus(name: str, gold: Path) -> Path:
    """A corpus named in gold: beside it, in $EVENTWIRE_SHARED/corpus, or a shared/corpus above."""
    candidates = [gold.parent / name, gold.parent / "corpus" / name]
    if os.environ.get("EVENTWIRE_SHARED"):
        candidates.append(Path(os.environ["EVENTWIRE_SHARED"]) / "corpus" / name)
    candidates += [folder / "shared" / "corpus" / name for folder in gold.resolve().parents]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise EventWireError(f"{gold}: corpus {name!r} not found beside it or in a shared/corpus/")


def corpus_articles(records: list[dict[str, Any]], gold: Path) -> list[Article]:
    """The corpus rows the gold names, as articles with the row's date and outlet."""
    csv.field_size_limit(1 << 30)
    articles = []
    for name in sorted({r["corpus"] for r in records}):
        wanted = {int(r["row"]) for r in records if r["corpus"] == name}
        with find_corpus(name, gold).open(encoding="utf-8", newline="") as handle:
            for row, values in enumerate(csv.DictReader(handle)):
                if row in wanted:
                    published = parse_record_date(values.get("date"))
                    articles.append(
                        Article(
                            text=values["text"],
                            outlet=values.get("source") or "",
                            published=published,
                            published_basis="column" if published else "",
                            source=f"{name}#{row}",
                        )
                    )
    return articles


def gold_articles(records: list[dict[str, Any]], gold: Path, pipeline) -> tuple[list, Any]:
    """The parsed articles article gold names (corpus rows or files beside the gold), and
    how to find each one's gold key."""
    if all("corpus" in r for r in records):
        return parse_articles(pipeline, corpus_articles(records, gold)), lambda a: a.source
    if any("corpus" in r for r in records):
        raise EventWireError(f"{gold}: mixes corpus rows and article files")
    files = sorted({gold.parent / r["article"] for r in records})
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise EventWireError(f"{gold}: article file(s) not found: {', '.join(missing)}")
    articles, names = article_files(files)
    return parse_articles(pipeline, articles), lambda a: names.get(
        Path(a.source).resolve(), Path(a.source).name
    )


def keyed(parsed, key, events: list[list[Event]]) -> dict[str, list[Event]]:
    return {key(article): found for (_doc, article), found in zip(parsed, events, strict=True)}


def score_articles(records: list[dict[str, Any]], events: dict[str, list[Event]]) -> dict[str, Any]:
    result = article_scores_as_sentence_shape(records, events)
    result |= score_article_records(records, events)
    result["records"] = len(records)
    result["gold"] = "article"
    return result


def is_frozen(gold: Path) -> bool:
    """A gold file with a ``.sha256`` beside it is a frozen blind split; it must be unchanged."""
    digest_file = gold.with_suffix(".sha256")
    if not digest_file.is_file():
        return False
    digest = hashlib.sha256(gold.read_bytes()).hexdigest()
    if digest != digest_file.read_text("utf-8").strip():
        raise EventWireError(
            f"{gold}: does not match {digest_file.name}; a frozen split is never edited "
            "(a new version needs a new file and hash, reported as new)"
        )
    return True


def labelled_events(path: str | Path, pipeline) -> list[tuple[dict[str, float], bool]]:
    """Every event coded from an article gold file's articles, with its calibration
    features and whether it matches a gold event of its article (the calibration data).

    A frozen blind split is refused: fitting on it would make its scores a tuning result.
    """
    path = Path(path)
    if is_frozen(path):
        raise EventWireError(f"{path}: a frozen blind split; calibrate on a tuning split")
    records = read_gold(path)
    if not is_article_gold(records):
        raise EventWireError(f"{path}: calibration needs article gold")
    parsed, key = gold_articles(records, path, pipeline)
    events = keyed(parsed, key, coded_events(pipeline, parsed))
    by_article: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_article.setdefault(article_key(record), []).append(record)
    return [
        (
            event.score_features or {},
            any(article_event_matches(r, event) for r in by_article.get(k, [])),
        )
        for k, found in events.items()
        for event in found
    ]


def evaluate_file(path: str | Path, pipeline) -> dict[str, Any]:
    """Score the pipeline against one gold file; the result is JSON-ready.

    With the classifier loaded, ``systems`` also scores the lexicon alone and (sentence
    gold) the classifier alone on the same parses; the main figures are the combined
    system's, which is what ``eventwire code`` outputs.
    """
    path = Path(path)
    records = read_gold(path)
    has_opinion = getattr(pipeline.coder, "second_opinion", None) is not None
    if is_article_gold(records):
        parsed, key = gold_articles(records, path, pipeline)
        result = score_articles(records, keyed(parsed, key, coded_events(pipeline, parsed)))
        if has_opinion:
            with patterns_only(pipeline):
                alone = score_articles(records, keyed(parsed, key, coded_events(pipeline, parsed)))
            result["systems"] = {
                "patterns": system_summary(alone),
                "combined": system_summary(result),
            }
        if is_frozen(path):  # a blind split is scored, never read for errors
            result["unmatched"] = []
            result["frozen"] = True
        return result
    for number, record in enumerate(records, 1):
        if "text" not in record:
            raise DocumentError(f"{path}:{number}", "a sentence gold record needs 'text'")
    parsed = sentence_docs(records, pipeline)
    result = score_sentence_records(records, coded_events(pipeline, parsed))
    result["gold"] = "sentence"
    if has_opinion:
        with patterns_only(pipeline):
            alone = score_sentence_records(records, coded_events(pipeline, parsed))
        classifier = score_sentence_records(records, classifier_alone(pipeline, parsed))
        result["systems"] = {
            "patterns": system_summary(alone),
            "classifier": system_summary(classifier),
            "combined": system_summary(result),
        }
    return result
