"""What coded an article: the EventWire version and hashes of the data and models it used.

A store grown over months holds articles coded by different lexicons, knowledge
bases and models. Every stored article records the provenance of the process
that coded it, so ``eventwire stats`` can show the mix and ``ingest --recode``
can bring old articles up to date. The hashes are of the files shipped in the
package (a few MiB), computed once per process: a few milliseconds.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from eventwire import __version__

PACKAGE = Path(__file__).resolve().parent
HASH_LENGTH = 12

# Which shipped files each hash covers (folders are read recursively).
LEXICON_PATHS = ("events/lexicon", "events/data")
KB_PATHS = ("actors/data", "data")
MODEL_PATHS = ("events/models",)


@dataclass(frozen=True)
class Provenance:
    """The four provenance columns of a stored article."""

    eventwire_version: str
    lexicon_hash: str
    kb_hash: str
    models_hash: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def short(self) -> str:
        return (
            f"eventwire {self.eventwire_version} · lexicon {self.lexicon_hash} · "
            f"kb {self.kb_hash} · models {self.models_hash}"
        )


def hash_files(relative_paths: tuple[str, ...], extra: tuple[str, ...] = ()) -> str:
    """One digest over the names and bytes of every file under the given package folders."""
    digest = hashlib.blake2b(digest_size=16)
    for relative in relative_paths:
        root = PACKAGE / relative
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts or path.suffix in (".pyc", ".py"):
                continue
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    for part in extra:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:HASH_LENGTH]


@lru_cache(maxsize=8)
def current_provenance(spacy_model: str = "", spacy_components: str = "") -> Provenance:
    """The provenance of this process for a spaCy model (name@version, components run)."""
    return Provenance(
        eventwire_version=__version__,
        lexicon_hash=hash_files(LEXICON_PATHS),
        kb_hash=hash_files(KB_PATHS),
        models_hash=hash_files(MODEL_PATHS, (f"spacy:{spacy_model}", spacy_components)),
    )


def pipeline_provenance(nlp) -> Provenance:
    """The provenance of a loaded spaCy pipeline plus this package's data."""
    meta = getattr(nlp, "meta", {}) or {}
    name = f"{meta.get('lang', '')}_{meta.get('name', '')}@{meta.get('version', '')}"
    return current_provenance(name, ",".join(getattr(nlp, "pipe_names", ())))
