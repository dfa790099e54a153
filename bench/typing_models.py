"""The typing models compared: held-out corpus F1, real-text dev typing and events, speed, memory.

    .venv/bin/python bench/typing_models.py            # about 3 minutes (the corpus's vectors are cached)

For each model (TF-IDF n-grams, sentence embeddings, their blend), trained here on the corpus's
train split with the fixed seed: weighted F1 and accuracy on the held-out split; on the real-text
benchmark's dev split (never its test split), ACLED sub-event accuracy over the events the lexicon
pipeline matched - the model alone (restricted to the lexicon's PLOVER type) and combined with the
lexicon's sub-event - and event precision/recall/F1 when the model's "none" also drops events;
sentences per second (in batches of 8, about one article's candidate events) and the memory the
model adds. The installed artifact's hash is printed; `bench/realtext/score.py` gives the exact
pipeline numbers for it. (Not bench/typing.py: a script in bench/ runs with bench/ first on
sys.path, where a typing.py would shadow the standard library's module for every other script.)
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ["SITREP_MODELS_DIR"] = tempfile.mkdtemp(prefix="sitrep-typing-off-")  # lexicon-only pipeline

ROOT = Path(__file__).resolve().parent.parent
REALTEXT = ROOT / "bench" / "realtext"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dev_rows() -> tuple[list[dict[str, Any]], int]:
    """The lexicon pipeline's events on the real-text dev split, each with its gold match."""
    from sitrep.app import Sitrep
    from sitrep.evaluate import score
    from sitrep.gold_events import load_event_gold, missing_texts

    if missing_texts(REALTEXT):
        return [], 0
    docs = [d for d in load_event_gold(REALTEXT) if (d.meta or {}).get("split", "dev") == "dev"]
    predicted, offsets = Sitrep().predict(docs)
    report = score(docs, predicted, offsets)
    gold = {(d.id, i): ev.expected for d in docs for i, ev in enumerate(d.events)}
    matched = {(doc_id, event_id): gold[(doc_id, index)] for doc_id, index, event_id in report.pairs}
    rows = []
    for doc in docs:
        for event in predicted[doc.id]:
            expected = matched.get((doc.id, event.event_id))
            rows.append({
                "text": event.evidence.text if event.evidence else "", "plover": event.plover,
                "sub": event.acled_sub_event_type, "type": event.acled_event_type,
                "kind": event.actor2.kind if event.actor2 else None, "matched": expected is not None,
                "gold_sub": (expected or {}).get("acled_sub_event_type", "<unset>"),
            })
    return rows, report.gold_events


def prf(matched: int, predicted: int, gold: int) -> str:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f}/{r:.2f}/{f:.2f}"


def main() -> int:
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score

    from sitrep.classify import artifact
    from sitrep.classify.corpus import load_corpus, plovers_by_label, split
    from sitrep.classify.models import BlendModel
    from sitrep.classify.train import DROP_NONE, fit
    from sitrep.classify.typer import LEXICON_WEIGHT, decide

    examples = load_corpus()
    train, heldout = split(examples)
    print(f"corpus: {len(examples)} examples, {len(train)} train / {len(heldout)} held-out, "
          f"{len({e.label for e in examples})} labels")
    try:
        manifest = artifact.read_manifest(artifact.package_models_folder())
        print(f"installed artifact: {manifest['kind']} sha256 {manifest['sha256']}")
    except artifact.ModelMissing:
        print("installed artifact: none")
    started = time.perf_counter()
    rows, gold_events = dev_rows()
    seconds = time.perf_counter() - started
    print(f"real-text dev: {len(rows)} lexicon events, {gold_events} gold ({seconds:.0f} s)")
    before = rss_mb()
    trained = fit(train)
    assert trained.embedding is not None
    models: dict[str, Any] = {
        "tfidf": trained.tfidf, "embedding": trained.embedding,
        "blend": BlendModel(trained.tfidf, trained.embedding),
    }
    added_mb = rss_mb() - before
    plovers = plovers_by_label(examples)
    texts = [e.text for e in heldout]
    gold = [e.label for e in heldout]
    scored = [r for r in rows if r["matched"] and r["gold_sub"] != "<unset>"]
    lexicon_right = sum(r["sub"] == r["gold_sub"] for r in scored)
    header = (f"{'model':<10} {'heldout wF1':>11} {'acc':>5} {'dev sub alone':>13} {'dev sub +lex':>12} "
              f"{'dev P/R/F1 +drop':>17} {'sent/s':>7}")
    lines = [header, f"{'lexicon':<10} {'-':>11} {'-':>5} {'-':>13} "
             f"{lexicon_right / max(len(scored), 1):>12.3f} "
             f"{prf(sum(r['matched'] for r in rows), len(rows), gold_events):>17} {'-':>7}"]
    for name, model in models.items():
        started = time.perf_counter()
        proba = np.vstack([model.predict_proba(texts[i:i + 8]) for i in range(0, len(texts), 8)])
        speed = len(texts) / (time.perf_counter() - started)
        labels = [str(c) for c in model.classes_]
        predicted = [labels[i] for i in proba.argmax(1)]
        weighted = f1_score(gold, predicted, average="weighted")
        accuracy = accuracy_score(gold, predicted)
        dev = model.predict_proba([r["text"] for r in rows]) if rows else np.zeros((0, len(labels)))
        alone = plus = kept = kept_matched = 0
        for row, p in zip(rows, dev, strict=True):
            probabilities = dict(zip(labels, map(float, p), strict=True))
            args = (probabilities, plovers, row["plover"], row["sub"], row["kind"], row["type"])
            typing = decide(*args, drop_none=DROP_NONE[name])
            if not typing.drop:
                kept += 1
                kept_matched += row["matched"]
            if row["matched"] and row["gold_sub"] != "<unset>":
                plus += typing.acled_sub_event_type == row["gold_sub"]
                alone += decide(*args, lexicon_weight=0.0).acled_sub_event_type == row["gold_sub"]
        n = max(len(scored), 1)
        lines.append(f"{name:<10} {weighted:>11.3f} {accuracy:>5.2f} {alone / n:>13.3f} {plus / n:>12.3f} "
                     f"{prf(kept_matched, kept, gold_events):>17} {speed:>7.0f}")
    print()
    print("\n".join(lines))
    print(f"\ndev sub-event accuracy over {len(scored)} matched events with a gold sub-event; lexicon weight "
          f"{LEXICON_WEIGHT}; P/R/F1 over lexicon events after the model's drops (before merging)")
    print(f"memory: peak RSS {rss_mb():.0f} MB; the embedding model and torch added {added_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
