"""Train the typing model from the corpus: `python -m sitrep.classify.train` (what `make model` runs).

Fixed seed, the corpus's train split only (the held-out split stays unseen, so its scores are
honest), a few minutes on this machine: most of the time is embedding the corpus once; the vectors
are cached by text hash in data/models/, so a re-train after new rows embeds only the new ones.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.classify import artifact
from sitrep.classify.corpus import Example, load_corpus, markdown, plovers_by_label, split
from sitrep.classify.models import SEED, BlendModel, EmbeddingModel, TfidfModel

# What the pipeline uses, chosen by bench/typing_models.py's measurements (see data/typing/README.md): the
# blend types as well but embeds ~30 sentences/s here, which would take the pipeline far under half
# of bare spaCy's speed; TF-IDF types at ~350 sentences/s.
DEFAULT_KIND = "tfidf"
KINDS = ("tfidf", "embedding", "blend")
# P(none) from which a model's "no event" drops a candidate (typer.decide). On the real-text dev
# split the embedding models' "none" removed more false events than true ones from 0.6 (blend) and
# 0.8 (embedding); TF-IDF's never did at any threshold, so it drops nothing.
DROP_NONE = {"tfidf": None, "embedding": 0.8, "blend": 0.6}
EMBEDDING_CACHE = "embeddings.npz"


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def embed_corpus(texts: Sequence[str], folder: Path | None = None) -> np.ndarray:
    """Vectors for the texts, reading and extending the cache in the models folder."""
    from sitrep.classify.embed import Embedder

    path = (folder or artifact.package_models_folder()) / EMBEDDING_CACHE
    cache: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as stored:
            cache = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    keys = [_key(t) for t in texts]
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cache}.items())
    if todo:
        vectors = Embedder.shared().encode([t for _, t in todo])
        cache.update(zip([k for k, _ in todo], vectors, strict=True))
        partial = path.with_name("embeddings.partial.npz")
        np.savez(partial, keys=np.array(list(cache)), vectors=np.stack(list(cache.values())))
        partial.replace(path)
    return np.stack([cache[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


@dataclass
class Trained:
    tfidf: TfidfModel
    embedding: EmbeddingModel | None
    seconds: float


def fit(train: Sequence[Example], with_embedding: bool = True) -> Trained:
    np.random.seed(SEED)
    started = time.perf_counter()
    texts, labels = [e.text for e in train], [e.label for e in train]
    tfidf = TfidfModel().fit(texts, labels)
    embedding = EmbeddingModel().fit(embed_corpus(texts), labels) if with_embedding else None
    return Trained(tfidf, embedding, time.perf_counter() - started)


def bundle_for(trained: Trained, kind: str, examples: Sequence[Example]) -> dict[str, Any]:
    model: Any
    if kind == "tfidf":
        model = trained.tfidf
    elif trained.embedding is None:
        raise ValueError(f"{kind} needs the embedding model")
    elif kind == "embedding":
        model = trained.embedding
    else:
        model = BlendModel(trained.tfidf, trained.embedding)
    return {"kind": kind, "model": model, "plovers": plovers_by_label(examples), "drop_none": DROP_NONE[kind]}


def corpus_sha256(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for e in examples:
        digest.update(f"{e.label}\t{e.plover}\t{e.text}\n".encode())
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=KINDS, default=DEFAULT_KIND)
    parser.add_argument("--out", type=Path, help="folder for the artifact (default: data/models)")
    parser.add_argument("--describe", action="store_true", help="print the corpus's counts, train nothing")
    args = parser.parse_args(argv)
    examples = load_corpus()
    if args.describe:
        print(markdown(examples))
        return 0
    train, heldout = split(examples)
    trained = fit(train, with_embedding=args.kind != "tfidf")
    bundle = bundle_for(trained, args.kind, examples)
    manifest = {
        "kind": args.kind,
        "seed": SEED,
        "corpus_sha256": corpus_sha256(examples),
        "train_examples": len(train),
        "heldout_examples": len(heldout),
        "labels": [str(c) for c in bundle["model"].classes_],
    }
    if heldout:
        from sklearn.metrics import f1_score

        model = bundle["model"]
        predicted = model.classes_[model.predict_proba([e.text for e in heldout]).argmax(1)]
        manifest["heldout_weighted_f1"] = round(
            float(f1_score([e.label for e in heldout], predicted, average="weighted")), 4
        )
    written = artifact.save(bundle, manifest, args.out)
    print(
        f"typing model {args.kind}: {len(train)} train / {len(heldout)} held-out examples, "
        f"held-out weighted F1 {written.get('heldout_weighted_f1', '-')}, "
        f"trained in {trained.seconds:.0f} s; sha256 {written['sha256'][:16]} ({written['bytes'] // 1024} KB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
