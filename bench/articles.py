"""A reproducible generator of realistic-looking conflict reports, for benchmarks and crash tests.

The sentences are templates filled from small lists, so every article differs (a different hash)
while the language stays the kind Sitrep reads: datelines, attributed claims, figures, places.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    ("Kharkiv", "Ukraine"), ("Idlib", "Syria"), ("Khan Younis", "Gaza"), ("El Fasher", "Sudan"),
    ("Hodeidah", "Yemen"), ("Goma", "Congo"), ("Mogadishu", "Somalia"), ("Timbuktu", "Mali"),
    ("Maiduguri", "Nigeria"), ("Mandalay", "Myanmar"), ("Port-au-Prince", "Haiti"), ("Mosul", "Iraq"),
]  # fmt: skip
ATTACKERS = [
    "government forces",
    "rebel fighters",
    "militants",
    "the army",
    "unidentified gunmen",
    "armed men on motorcycles",
    "security forces",
    "insurgents",
]
TARGETS = [
    "a military convoy",
    "a village market",
    "an army checkpoint",
    "a displacement camp",
    "police officers",
    "a fuel depot",
    "a hospital compound",
    "soldiers at an outpost",
]
VERBS = ["attacked", "shelled", "raided", "ambushed", "struck", "bombed"]
SOURCES = [
    "a local official said",
    "the health ministry said",
    "residents told reporters",
    "according to a monitoring group",
    "the military said in a statement",
    "witnesses said",
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "overnight", "on Sunday"]
FILLER = [
    "Aid agencies warned that access to the area remained limited.",
    "The fighting has forced families to leave their homes in recent weeks.",
    "Officials did not respond to requests for comment.",
    "The claims could not be independently verified.",
    "Talks between the parties stalled earlier this month.",
    "Humanitarian groups called for a pause in the fighting to deliver food and medicine.",
]


def article_text(rng: random.Random, index: int) -> str:
    town, country = rng.choice(PLACES)
    paragraphs = [
        f"{town.upper()}, {country} - {rng.choice(ATTACKERS).capitalize()} {rng.choice(VERBS)} "
        f"{rng.choice(TARGETS)} near {town} {rng.choice(DAYS)}, killing at least {rng.randint(2, 60)} "
        f"people and wounding {rng.randint(3, 90)}, {rng.choice(SOURCES)}."
    ]
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.5:
            paragraphs.append(
                f"{rng.choice(ATTACKERS).capitalize()} {rng.choice(VERBS)} {rng.choice(TARGETS)} in "
                f"{rng.choice(PLACES)[0]} {rng.choice(DAYS)}, {rng.choice(SOURCES)}."
            )
        else:
            paragraphs.append(rng.choice(FILLER))
    paragraphs.append(f"Report number {index} was filed by a correspondent in {town}.")
    return "\n\n".join(paragraphs)


def write_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` .txt articles with .meta.json sidecars; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2024, 1, 1)
    paths = []
    for index in range(count):
        path = folder / f"report-{index:05d}.txt"
        path.write_text(article_text(rng, index), encoding="utf-8")
        meta = {
            "published": (start + timedelta(days=index % 300)).isoformat(),
            "outlet": f"outlet-{index % 9}",
        }
        path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths
