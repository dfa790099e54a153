"""The trained typing model on disk: one joblib file and a JSON manifest with its sha256.

The artifact lives in data/models/ (ignored by git: `make model` writes it from the corpus, and the
install step runs `make model`). It is read only when its bytes match the manifest's sha256, so a
half-written or foreign file is refused rather than unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

ARTIFACT = "typing.joblib"
MANIFEST = "typing.json"


class ModelMissing(RuntimeError):
    """No trained typing model: run `make model`."""


def package_models_folder() -> Path:
    """data/models/ in the package: the unpacked embedding model and the embedding cache."""
    folder = Path(str(resources.files("sitrep") / "data" / "models"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def models_folder() -> Path:
    """Where the typing artifact is read and written: data/models/, or $SITREP_MODELS_DIR (to compare
    artifacts side by side without replacing the installed one)."""
    override = os.environ.get("SITREP_MODELS_DIR")
    if not override:
        return package_models_folder()
    folder = Path(override)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save(bundle: dict[str, Any], manifest: dict[str, Any], folder: Path | None = None) -> dict[str, Any]:
    """Write the bundle, then the manifest naming its sha256 (the manifest last: a reader never sees
    a manifest for a file not yet complete)."""
    import joblib

    folder = folder or models_folder()
    path = folder / ARTIFACT
    partial = path.with_suffix(".partial")
    joblib.dump(bundle, partial, compress=3)
    partial.replace(path)
    manifest = {**manifest, "artifact": ARTIFACT, "sha256": sha256_of(path), "bytes": path.stat().st_size}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def read_manifest(folder: Path | None = None) -> dict[str, Any]:
    path = (folder or models_folder()) / MANIFEST
    if not path.exists():
        raise ModelMissing(f"no typing model in {path.parent}: run `make model`")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def load(folder: Path | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(bundle, manifest), after checking the artifact's sha256 against the manifest."""
    import joblib

    folder = folder or models_folder()
    manifest = read_manifest(folder)
    path = folder / manifest["artifact"]
    if not path.exists():
        raise ModelMissing(f"{path} is missing: run `make model`")
    actual = sha256_of(path)
    if actual != manifest["sha256"]:
        raise ModelMissing(f"{path} has sha256 {actual[:12]}, its manifest says {manifest['sha256'][:12]}")
    bundle: dict[str, Any] = joblib.load(path)
    return bundle, manifest
