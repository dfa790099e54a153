"""The typing classifiers: TF-IDF word and character n-grams, sentence embeddings, and their blend.

Each maps sentences to probabilities over the corpus's labels (`classes_`, sorted). All are
scikit-learn logistic regressions so every one gives calibrated-enough probabilities for the
pipeline's decisions (drop a "none", switch a PLOVER type) and for the stored confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

SEED = 13


class TextClassifier(Protocol):
    classes_: np.ndarray

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray: ...


def _logistic(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=SEED)


class TfidfModel:
    """Word 1-2 grams and character 2-5 grams (within word boundaries), sublinear TF, one linear
    model: robust to unseen words (misspelt places, "drone-strike" vs "drone strike")."""

    def __init__(self, c: float = 50.0) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        self.features = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                                      max_features=20000)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                                      max_features=40000)),
        ])
        self.model = _logistic(c)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> TfidfModel:
        self.model.fit(self.features.fit_transform(list(texts)), list(labels))
        self.classes_ = self.model.classes_
        for _, vectorizer in self.features.transformer_list:
            vectorizer.stop_words_ = None  # every n-gram max_features cut: megabytes, never read again
        self.model.coef_ = self.model.coef_.astype(np.float32)  # half the artifact, same decisions
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """The multinomial model's softmax, computed directly: the pipeline asks for a few sentences
        per article, where scikit-learn's own checks cost more than the arithmetic (167 -> 300+
        sentences/s in batches of five)."""
        from scipy.sparse import hstack

        matrix = hstack([_tfidf(v, texts) for _, v in self.features.transformer_list], format="csr")
        scores = np.asarray(matrix @ self._weights()) + self.model.intercept_
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return np.asarray(scores / scores.sum(axis=1, keepdims=True))

    def _weights(self) -> np.ndarray:
        """coef_.T as the float64, C-ordered array the sparse product works on. Given coef_.T (a
        float32, Fortran-ordered view) scipy copies and upcasts all 58,000 x 36 weights on every call,
        which cost more than the rest of the typing; the same values once, so the same scores."""
        coef = self.model.coef_
        cached = self.__dict__.get("_weights_of")
        if cached is None or cached[0] is not coef:
            cached = (coef, np.ascontiguousarray(coef.T, dtype=np.float64))
            self.__dict__["_weights_of"] = cached
        return cached[1]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_weights_of", None)  # derived from coef_: never written into the artifact
        return state


def _tfidf(vectorizer: Any, texts: Sequence[str]) -> Any:
    """`vectorizer.transform(texts)` for a fitted TfidfVectorizer (sublinear tf, idf, l2 norm, as
    TfidfModel builds them), the same steps on the same arrays without scikit-learn's per-call
    parameter and input validation, which costs as much as the counting for a few sentences."""
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    tfidf = vectorizer._tfidf
    if vectorizer.binary or not tfidf.sublinear_tf or tfidf.norm != "l2" or not hasattr(tfidf, "idf_"):
        return vectorizer.transform(texts)  # a configuration this shortcut does not cover
    _, matrix = vectorizer._count_vocab(texts, fixed_vocab=True)
    if matrix.dtype not in (np.float64, np.float32):
        matrix = matrix.astype(np.float64)
    np.log(matrix.data, matrix.data)
    matrix.data += 1.0
    matrix.data *= tfidf.idf_[matrix.indices]
    inplace_csr_row_normalize_l2(matrix)
    return matrix


class EmbeddingModel:
    """all-MiniLM-L6-v2 sentence vectors and a logistic regression: paraphrases the n-grams miss
    ("came under fire", "exchanged fire", "fighting erupted")."""

    def __init__(self, c: float = 10.0) -> None:
        self.model = _logistic(c)

    def fit(self, vectors: np.ndarray, labels: Sequence[str]) -> EmbeddingModel:
        self.model.fit(vectors, list(labels))
        self.classes_ = self.model.classes_
        return self

    def proba_vectors(self, vectors: np.ndarray) -> np.ndarray:
        return np.asarray(self.model.predict_proba(vectors))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        from sitrep.classify.embed import Embedder

        return self.proba_vectors(Embedder.shared().encode(texts))


class BlendModel:
    """The weighted mean of the two models' probabilities (same classes, same order)."""

    def __init__(self, tfidf: TfidfModel, embedding: EmbeddingModel, weight: float = 0.5) -> None:
        if list(tfidf.classes_) != list(embedding.classes_):
            raise ValueError("the two models were trained on different labels")
        self.tfidf, self.embedding, self.weight = tfidf, embedding, weight
        self.classes_ = tfidf.classes_

    def blend(self, tfidf_proba: np.ndarray, embedding_proba: np.ndarray) -> np.ndarray:
        return np.asarray(self.weight * tfidf_proba + (1 - self.weight) * embedding_proba)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self.blend(self.tfidf.predict_proba(texts), self.embedding.predict_proba(texts))
