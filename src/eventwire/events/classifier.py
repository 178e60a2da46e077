"""A trained second opinion on event words: PLOVER type (or NONE) for one trigger token.

The model follows the synthetic-data approach of NGEC/POLECAT: a corpus of sentences the
project wrote itself (``training/``), one marked event word per sentence, turned into
features over the spaCy parse of that word (its lemma, dependency, head, children,
particles, object, negation and modal markers, the words of its clause, and the entity
types of its subject and object) and scored by a multinomial logistic regression whose
probabilities are temperature-calibrated on frames the model did not see.

Public API::

    clf = EventClassifier.load()            # the model shipped in the package (cached)
    clf.score(token) -> {"ASSAULT": 0.91, ..., "NONE": 0.02}
    clf.score_many(tokens) -> [dict, ...]
    clf.candidates(sent) -> [Token, ...]     # verbs and event nouns worth scoring
    clf.version                              # short hash of the model file
    train(corpus_path, out_path, seed=0, quick=False) -> metrics dict
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventwire.errors import EventWireError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CATEGORIES = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)
NONE = "NONE"
LABELS = (*CATEGORIES, NONE)
MODEL_NAME = "classifier.joblib"
FORMAT = 1

NEGATIONS = frozenset({"not", "n't", "never", "no", "without", "nor"})
IRREALIS_MARKS = frozenset({"if", "whether", "unless", "should"})
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "PROPN", "NUM"})
GOVERNOR_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj"})


# ---------------------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------------------
def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _ent(token: Token) -> str:
    """The entity type of a noun phrase head, looking into its modifiers ("Kenyan police")."""
    if token.ent_type_:
        return token.ent_type_
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.ent_type_:
            return child.ent_type_
    return "-"


def _clause_head(token: Token) -> Token:
    """The verb whose clause the token sits in (itself when it is a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or current.head is current:
            return current
        current = current.head
    return current


def features(token: Token) -> dict[str, float]:
    """Sparse features for one candidate event word in its sentence."""
    f: dict[str, float] = {}
    lemma = _lemma(token)
    lower = token.text.lower()
    pos = token.pos_
    f[f"lemma={lemma}"] = 1.0
    f[f"lower={lower}"] = 1.0
    f[f"pos={pos}"] = 1.0
    f[f"tag={token.tag_}"] = 1.0
    f[f"dep={token.dep_}"] = 1.0
    f[f"lemma|pos={lemma}|{pos}"] = 1.0
    f[f"suffix={lower[-3:]}"] = 1.0
    if token.is_title and token.i == token.sent.start:
        f["sent_initial_title"] = 1.0
    head = token.head
    if head is not token:
        hl = _lemma(head)
        f[f"head={hl}"] = 1.0
        f[f"dep|head={token.dep_}|{hl}"] = 1.0
        f[f"head_pos={head.pos_}"] = 1.0
        f[f"lemma|head={lemma}|{hl}"] = 1.0
        if head.dep_ == "prep" and head.head is not head:
            # nouns: "the attack on X", "a call for talks"
            f[f"head_prep_head={hl}|{_lemma(head.head)}"] = 1.0
    else:
        f["root"] = 1.0
    passive = False
    for child in token.children:
        cl = _lemma(child)
        dep = child.dep_
        if dep == "punct":
            continue
        f[f"child:{dep}={cl}"] = 1.0
        f[f"child_dep={dep}"] = 1.0
        if dep in ("neg",) or cl in NEGATIONS:
            f["neg"] = 1.0
        if child.tag_ == "MD":
            f[f"modal={cl}"] = 1.0
            f["modal"] = 1.0
        if dep in ("aux", "auxpass"):
            f[f"aux={cl}"] = 1.0
        if dep in ("auxpass", "nsubjpass"):
            passive = True
        if dep == "prt":
            f[f"prt={cl}"] = 1.0
            f[f"lemma|prt={lemma}|{cl}"] = 1.0
        elif dep in ("prep", "agent"):
            f[f"prep={cl}"] = 1.0
            f[f"lemma|prep={lemma}|{cl}"] = 1.0
            for grand in child.children:
                if grand.dep_ == "pobj":
                    gl = _lemma(grand)
                    f[f"pobj:{cl}={gl}"] = 1.0
                    f[f"pobj_ent:{cl}={_ent(grand)}"] = 1.0
                    if cl == "by":
                        f[f"agent_ent={_ent(grand)}"] = 1.0
                        f[f"agent={gl}"] = 1.0
        elif dep in ("dobj", "attr", "oprd", "dative"):
            f[f"obj={cl}"] = 1.0
            f[f"lemma|obj={lemma}|{cl}"] = 1.0
            f[f"obj_ent={_ent(child)}"] = 1.0
            for grand in child.children:
                if grand.dep_ in ("amod", "compound"):
                    f[f"obj_mod={_lemma(grand)}"] = 1.0
                elif grand.dep_ == "prep":
                    f[f"obj_prep={_lemma(grand)}"] = 1.0
        elif dep in ("nsubj", "nsubjpass", "csubj"):
            f[f"subj={cl}"] = 1.0
            f[f"subj_ent={_ent(child)}"] = 1.0
            f[f"lemma|subj={lemma}|{cl}"] = 1.0
        elif dep in ("xcomp", "ccomp"):
            f[f"comp={cl}"] = 1.0
        elif dep in ("amod", "compound", "nmod"):
            f[f"mod={cl}"] = 1.0
            f[f"lemma|mod={lemma}|{cl}"] = 1.0
        elif dep == "mark":
            f[f"mark={cl}"] = 1.0
            if cl in IRREALIS_MARKS:
                f["irrealis_mark"] = 1.0
    if passive:
        f["passive"] = 1.0
    morph = token.morph
    for key in ("Tense", "VerbForm", "Number"):
        value = morph.get(key)
        if value:
            f[f"{key}={value[0]}"] = 1.0
    # the chain of governors: "threatened to attack", "could not agree", "if ... attack"
    current = token
    for depth in range(3):
        if current.dep_ not in GOVERNOR_DEPS or current.head is current:
            break
        gov = current.head
        gl = _lemma(gov)
        f[f"gov{depth}={gl}"] = 1.0
        f[f"gov_dep{depth}={current.dep_}|{gl}"] = 1.0
        for child in gov.children:
            cl = _lemma(child)
            if child.dep_ == "neg" or cl in NEGATIONS:
                f["gov_neg"] = 1.0
            if child.tag_ == "MD":
                f[f"gov_modal={cl}"] = 1.0
            if child.dep_ == "mark" and cl in IRREALIS_MARKS:
                f["gov_irrealis_mark"] = 1.0
        current = gov
    # window and clause bag
    sent = token.sent
    for offset in (-2, -1, 1, 2):
        j = token.i + offset
        if sent.start <= j < sent.end:
            f[f"w{offset}={_lemma(token.doc[j])}"] = 1.0
    clause = _clause_head(token)
    for word in clause.subtree:
        if word is token or word.pos_ not in CONTENT_POS:
            if word.lower_ in NEGATIONS and word is not token:
                f["clause_neg"] = 1.0
            continue
        f[f"bag={_lemma(word)}"] = 0.5
    if clause is not token:
        f[f"clause_head={_lemma(clause)}"] = 1.0
        for child in clause.children:
            if child.tag_ == "MD":
                f[f"clause_modal={_lemma(child)}"] = 1.0
            if child.dep_ == "neg":
                f["clause_neg"] = 1.0
            if child.dep_ in ("nsubj", "nsubjpass"):
                f[f"clause_subj_ent={_ent(child)}"] = 1.0
    return f


# ---------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------
def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


class EventClassifier:
    """Scores PLOVER types plus NONE for one event word in its sentence."""

    def __init__(self, payload: dict[str, Any], version: str = "unsaved") -> None:
        if payload.get("format") != FORMAT:
            raise EventWireError(
                f"classifier model format {payload.get('format')!r} is not {FORMAT}; "
                "retrain it with `eventwire train`"
            )
        self.vectorizer = payload["vectorizer"]
        self.coef = np.asarray(payload["coef"], dtype=np.float32)
        self.intercept = np.asarray(payload["intercept"], dtype=np.float32)
        self.labels: tuple[str, ...] = tuple(payload["labels"])
        self.temperature = float(payload.get("temperature", 1.0))
        self.event_nouns = frozenset(payload.get("event_nouns", ()))
        self.metrics = payload.get("metrics", {})
        self.version = version

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventClassifier:
        """The shipped model (``path=None``) or one written by ``train``; cached per path."""
        return _load_cached(str(path) if path is not None else None)

    def logits(self, feature_dicts: Sequence[dict[str, float]]) -> np.ndarray:
        matrix = self.vectorizer.transform(feature_dicts)
        return np.asarray(matrix @ self.coef.T) + self.intercept

    def probabilities(self, feature_dicts: Sequence[dict[str, float]]) -> np.ndarray:
        if not feature_dicts:
            return np.zeros((0, len(self.labels)), dtype=np.float64)
        return _softmax(self.logits(feature_dicts).astype(np.float64) / self.temperature)

    def score(self, token: Token) -> dict[str, float]:
        """Probabilities over the 16 PLOVER types and NONE for ``token`` in ``token.sent``."""
        return self.score_many([token])[0]

    def score_many(self, tokens: Iterable[Token]) -> list[dict[str, float]]:
        probs = self.probabilities([features(token) for token in tokens])
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]

    def candidates(self, sent: Span) -> list[Token]:
        """Verbs (not auxiliaries) and nouns the training corpus used as event words."""
        return [token for token in sent if self.is_candidate(token)]

    def is_candidate(self, token: Token) -> bool:
        if token.pos_ == "VERB":
            return True
        return token.pos_ in ("NOUN", "PROPN") and _lemma(token) in self.event_nouns


@lru_cache(maxsize=8)
def _load_cached(path: str | None) -> EventClassifier:
    import joblib

    try:
        if path is None:
            ref = resources.files("eventwire.events").joinpath("models", MODEL_NAME)
            data = ref.read_bytes()
        else:
            data = Path(path).read_bytes()
    except (FileNotFoundError, OSError) as exc:
        where = path or f"eventwire/events/models/{MODEL_NAME}"
        raise EventWireError(
            f"classifier model {where} is missing; build it with `make train`"
        ) from exc
    import io

    try:
        payload = joblib.load(io.BytesIO(data))
    except Exception as exc:
        raise EventWireError(f"classifier model {path or MODEL_NAME} is unreadable: {exc}") from exc
    return EventClassifier(payload, version=hashlib.sha256(data).hexdigest()[:12])


# ---------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------
def read_corpus(path: Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EventWireError(f"cannot read training corpus {path}: {exc}") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EventWireError(f"{path}:{number}: not JSON ({exc})") from None
        for key in ("text", "event", "frame"):
            if key not in record:
                raise EventWireError(f"{path}:{number}: missing {key!r}")
        if record["event"] not in LABELS:
            raise EventWireError(f"{path}:{number}: unknown event {record['event']!r}")
        records.append(record)
    if not records:
        raise EventWireError(f"training corpus {path} is empty")
    return records


def _trigger_token(doc, record: dict):
    trigger = record.get("trigger")
    if not trigger:
        return None
    start = record.get("start")
    if start is None:
        start = record["text"].find(trigger)
    if start is None or start < 0:
        return None
    for token in doc:
        if token.idx <= start < token.idx + len(token.text):
            return token
    return None


def build_examples(
    docs: Sequence, records: Sequence[dict], seed: int, max_negatives: int = 3
) -> tuple[list[dict], list[str], list[str], list[str], frozenset[str]]:
    """(features, labels, frame ids, splits) for triggers and sampled non-event words."""
    rng = random.Random(seed)
    triggers = [_trigger_token(doc, record) for doc, record in zip(docs, records, strict=True)]
    positive_lemmas = {
        _lemma(tok)
        for tok, record in zip(triggers, records, strict=True)
        if tok is not None and record["event"] != NONE
    }
    event_nouns = frozenset(
        _lemma(tok)
        for tok, record in zip(triggers, records, strict=True)
        if tok is not None and record["event"] != NONE and tok.pos_ in ("NOUN", "PROPN")
    )
    feats, labels, groups, splits = [], [], [], []
    for doc, record, trig in zip(docs, records, triggers, strict=True):
        split = record.get("split", "train")
        also = set(record.get("also") or ())
        if trig is not None:
            feats.append(features(trig))
            labels.append(record["event"])
            groups.append(record["frame"])
            splits.append(split)
        # implicit negatives: other verbs and event nouns that are not event words anywhere
        pool = [
            tok
            for tok in doc
            if (tok.pos_ == "VERB" or _lemma(tok) in event_nouns)
            and tok is not trig
            and tok.idx not in also
            and _lemma(tok) not in positive_lemmas
        ]
        rng.shuffle(pool)
        for tok in pool[:max_negatives]:
            feats.append(features(tok))
            labels.append(NONE)
            groups.append(record["frame"])
            splits.append(split)
    return feats, labels, groups, splits, event_nouns


def _fit(matrix, y: np.ndarray, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=400, tol=1e-4, random_state=seed)
    model.fit(matrix, y)
    return model


def _fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises held-out negative log-likelihood (grid + refine)."""

    def nll(t: float) -> float:
        probs = _softmax(logits / t)
        return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, None)).mean())

    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 41))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.9, best * 1.1, 21)
    return float(min(fine, key=nll))


def evaluate(probs: np.ndarray, y: np.ndarray, labels: Sequence[str]) -> dict:
    """Per-category P/R/F1, macro F1 over the PLOVER types, and a reliability table."""
    pred = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    per = {}
    f1s = []
    for index, name in enumerate(labels):
        tp = int(((pred == index) & (y == index)).sum())
        fp = int(((pred == index) & (y != index)).sum())
        fn = int(((pred != index) & (y == index)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[name] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": int((y == index).sum()),
        }
        if name != NONE and (y == index).any():
            f1s.append(f)
    bins = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]
    table = []
    ece = 0.0
    for lo, hi in zip(bins, bins[1:], strict=False):
        mask = (conf >= lo) & (conf < hi)
        n = int(mask.sum())
        if not n:
            continue
        observed = float((pred[mask] == y[mask]).mean())
        mean_conf = float(conf[mask].mean())
        ece += n / len(y) * abs(observed - mean_conf)
        table.append(
            {
                "bin": f"{lo:.2f}-{min(hi, 1.0):.2f}",
                "n": n,
                "mean_confidence": round(mean_conf, 4),
                "observed_precision": round(observed, 4),
            }
        )
    nll = float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, None)).mean())
    return {
        "examples": len(y),
        "accuracy": round(float((pred == y).mean()), 4),
        "macro_f1": round(float(np.mean(f1s)) if f1s else 0.0, 4),
        "nll": round(nll, 4),
        "ece": round(ece, 4),
        "per_category": per,
        "reliability": table,
    }


def _group_folds(groups: Sequence[str], k: int, seed: int) -> list[np.ndarray]:
    unique = sorted(set(groups))
    random.Random(seed).shuffle(unique)
    fold_of = {g: i % k for i, g in enumerate(unique)}
    assign = np.array([fold_of[g] for g in groups])
    return [np.where(assign == i)[0] for i in range(k)]


def _payload(vectorizer, model, temperature, event_nouns, metrics) -> dict:
    """Rows for every label in LABELS order; a class absent from training never wins."""
    coef = np.zeros((len(LABELS), model.coef_.shape[1]), dtype=np.float32)
    intercept = np.full(len(LABELS), -30.0, dtype=np.float32)
    for row, index in enumerate(model.classes_):
        coef[index] = model.coef_[row]
        intercept[index] = model.intercept_[row]
    return {
        "format": FORMAT,
        "vectorizer": vectorizer,
        "coef": coef,
        "intercept": intercept,
        "labels": list(LABELS),
        "temperature": temperature,
        "event_nouns": sorted(event_nouns),
        "metrics": metrics,
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def train(
    corpus_path: str | Path,
    out_path: str | Path,
    seed: int = 0,
    quick: bool = False,
    spacy_model: str | None = None,
) -> dict:
    """Train on the corpus's training frames, score the held-out frames, write the model.

    The held-out figures come from a model that never saw those frames; the model written
    to ``out_path`` is then refitted on all frames (unless ``quick``) with the same
    regularisation and temperature.
    """
    import joblib
    from sklearn.feature_extraction import DictVectorizer

    from eventwire.nlp import DEFAULT_MODEL, load_pipeline

    started = time.perf_counter()
    records = read_corpus(Path(corpus_path))
    if quick:
        rng = random.Random(seed)
        records = rng.sample(records, min(len(records), 1200))
    nlp = load_pipeline(spacy_model or DEFAULT_MODEL)
    _log(f"parsing {len(records)} sentences")
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=256))
    parsed = time.perf_counter()
    feats, labels, groups, splits, event_nouns = build_examples(docs, records, seed)
    is_val = np.array([s == "val" for s in splits])
    if not is_val.any() or is_val.all():
        raise EventWireError("the corpus needs both train and val frames (field 'split')")
    label_index = {name: i for i, name in enumerate(LABELS)}
    y_all = np.array([label_index[name] for name in labels])
    train_idx = np.where(~is_val)[0]
    val_idx = np.where(is_val)[0]

    def vectorise(indices: np.ndarray):
        vec = DictVectorizer(dtype=np.float32)
        matrix = vec.fit_transform([feats[i] for i in indices])
        df = np.asarray((matrix > 0).sum(axis=0)).ravel()
        keep = df >= 2
        vec.restrict(keep)
        return vec, matrix[:, keep].tocsr()

    vec, x_train = vectorise(train_idx)
    y_train = y_all[train_idx]
    train_groups = [groups[i] for i in train_idx]
    _log(f"{len(train_idx)} training examples, {x_train.shape[1]} features")

    # choose C and the temperature on frame-grouped out-of-fold predictions
    k = 2 if quick else 3
    folds = _group_folds(train_groups, k, seed)
    grid = [1.0] if quick else [0.5, 2.0]
    best = None
    for c in grid:
        oof = np.zeros((len(y_train), len(LABELS)))
        for fold in folds:
            mask = np.ones(len(y_train), bool)
            mask[fold] = False
            model = _fit(x_train[mask], y_train[mask], c, seed)
            full = np.full((len(fold), len(LABELS)), -30.0)
            full[:, model.classes_] = model.decision_function(x_train[fold])
            oof[fold] = full
        macro = evaluate(_softmax(oof), y_train, LABELS)["macro_f1"]
        _log(f"C={c}: out-of-fold macro F1 {macro:.4f}")
        if best is None or macro > best[0]:
            best = (macro, c, oof)
    _, c, oof = best
    temperature = _fit_temperature(oof, y_train)
    _log(f"chosen C={c}, temperature={temperature:.3f}")

    model = _fit(x_train, y_train, c, seed)
    payload = _payload(vec, model, temperature, event_nouns, {})
    clf = EventClassifier(payload)
    val_probs = clf.probabilities([feats[i] for i in val_idx])
    y_val = y_all[val_idx]
    held = evaluate(val_probs, y_val, clf.labels)
    raw = evaluate(
        EventClassifier({**payload, "temperature": 1.0}).probabilities([feats[i] for i in val_idx]),
        y_val,
        clf.labels,
    )
    metrics = {
        "candidate": "sklearn-logreg",
        "seed": seed,
        "quick": quick,
        "sentences": len(records),
        "examples": {"train": len(train_idx), "val": len(val_idx)},
        "frames": {
            "train": len({groups[i] for i in train_idx}),
            "val": len({groups[i] for i in val_idx}),
        },
        "features": int(x_train.shape[1]),
        "C": c,
        "temperature": round(temperature, 4),
        "heldout": held,
        "heldout_uncalibrated": {k2: raw[k2] for k2 in ("accuracy", "macro_f1", "nll", "ece")},
        "heldout_confusions": _confusions(val_probs, y_val, clf.labels),
    }
    if not quick:
        vec, x_all = vectorise(np.arange(len(y_all)))
        model = _fit(x_all, y_all, c, seed)
        metrics["shipped_model"] = "refit on all frames with the chosen C and temperature"
        metrics["features_shipped"] = int(x_all.shape[1])
    payload = _payload(vec, model, temperature, event_nouns, metrics)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, out, compress=3)
    metrics["seconds"] = {
        "parse": round(parsed - started, 1),
        "total": round(time.perf_counter() - started, 1),
    }
    metrics["model_bytes"] = out.stat().st_size
    metrics["model_version"] = hashlib.sha256(out.read_bytes()).hexdigest()[:12]
    _load_cached.cache_clear()
    return metrics


def format_metrics(metrics: dict) -> str:
    """A plain-text report of ``train``'s metrics."""
    held = metrics["heldout"]
    lines = [
        f"held-out frames: {metrics['frames']['val']} ({metrics['examples']['val']} examples); "
        f"accuracy {held['accuracy']:.3f}, macro F1 {held['macro_f1']:.3f}, "
        f"NLL {held['nll']:.3f}, ECE {held['ece']:.3f} (T={metrics['temperature']})",
        f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}",
    ]
    for name, s in held["per_category"].items():
        lines.append(
            f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
            f"{s['support']:>5}"
        )
    lines.append(f"{'confidence':<11} {'n':>5} {'mean conf':>9} {'precision':>9}")
    for row in held["reliability"]:
        lines.append(
            f"{row['bin']:<11} {row['n']:>5} {row['mean_confidence']:>9.3f} "
            f"{row['observed_precision']:>9.3f}"
        )
    lines.append(
        f"model {metrics['model_bytes'] / 1e6:.2f} MB, version {metrics['model_version']}, "
        f"{metrics['seconds']['total']}s"
    )
    return "\n".join(lines)


def _confusions(probs: np.ndarray, y: np.ndarray, labels: Sequence[str]) -> list:
    pairs: Counter = Counter()
    for p, t in zip(probs.argmax(axis=1), y, strict=True):
        if p != t:
            pairs[(labels[t], labels[p])] += 1
    return pairs.most_common(15)


__all__ = ["CATEGORIES", "LABELS", "NONE", "EventClassifier", "features", "train"]
