"""Actor resolution against the PLOVER gold sentences: does the resolver find each gold actor?

For every gold source/target actor, the mention overlapping its text is compared
with the gold country (CAMEO spellings normalised) and, when gold has one, the
sector (first three letters). Prints one JSON line; ``--misses`` lists failures.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from eventwire.actors import ActorResolver
from eventwire.nlp import load_pipeline

CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def main() -> None:
    records = [json.loads(line) for line in (SHARED / "eval" / "plover_gsr_dev.jsonl").open()]
    nlp = load_pipeline()
    resolver = ActorResolver.load()
    total = found = country_ok = sector_ok = sector_total = 0
    misses = []
    started = time.perf_counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        mentions = resolver.find_mentions(doc, date(2000, 1, 1))
        for gold in record["source"] + record["target"]:
            text = gold["text"].strip()
            at = record["text"].find(text)
            total += 1
            overlapping = [
                m for m in mentions if at >= 0 and m.start_char < at + len(text) and at < m.end_char
            ]
            code = CAMEO_TO_ISO.get(gold["code"], gold["code"])
            sector = (gold["sector"] or "")[:3].strip("*")
            best = next((m for m in overlapping if m.actor.country == code), None)
            if overlapping:
                found += 1
            if best:
                country_ok += 1
                if sector:
                    sector_total += 1
                    sector_ok += best.actor.sector == sector
            if not best or (sector and best.actor.sector != sector):
                got = [f"{m.text}={m.actor.code}/{m.basis}" for m in overlapping]
                misses.append(f"{record['id']}: {text!r} gold {code} {sector or '-'} got {got}")
    result = {
        "benchmark": "actors_gold",
        "gold_actors": total,
        "found": found,
        "country_accuracy": round(country_ok / total, 3),
        "sector_accuracy_when_gold_has_sector": round(sector_ok / max(sector_total, 1), 3),
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(json.dumps(result))
    if "--misses" in sys.argv:
        print("\n".join(misses), file=sys.stderr)


if __name__ == "__main__":
    main()
