"""The boilerplate rules of data/boilerplate.toml, loaded and compiled once.

Rules are data so that a new outlet's donation box is a line in a TOML file, not a code change;
this module only turns that data into compiled patterns and XPath expressions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from sitrep.clean.furniture import FurnitureRules, compile_rules

RuleKind = Literal["appeal", "other_story", "notice", "link_list", "byline", "republication", "source_line"]
RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate.toml"
KINDS: frozenset[str] = frozenset(
    {"appeal", "other_story", "notice", "link_list", "byline", "republication", "source_line"}
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: RuleKind
    patterns: tuple[re.Pattern[str], ...]

    def search(self, piece: str) -> bool:
        return any(pattern.search(piece) for pattern in self.patterns)


@dataclass(frozen=True, slots=True)
class Rulebook:
    version: int
    rules: tuple[Rule, ...]
    wires: frozenset[str]  # lower-cased agency names
    trailing_min_position: float
    trailing_max_unmatched_after: int
    prune_xpaths: tuple[str, ...]
    furniture: FurnitureRules

    def first_match(self, piece: str) -> Rule | None:
        for rule in self.rules:
            if rule.search(piece):
                return rule
        return None


def _class_or_id_xpath(tokens: list[str], max_chars: int) -> str:
    """One XPath union for every class/id token: a single tree walk instead of one per token."""
    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    lower = upper.lower()
    attribute = f"translate(concat(@class, ' ', @id), '{upper}', '{lower}')"
    tests = " or ".join(f"contains({attribute}, '{token}')" for token in tokens)
    # body/html/article/main are page wrappers: a word in their class never marks a box.
    return (
        f"//*[not(self::body or self::html or self::article or self::main)][{tests}]"
        f"[string-length(normalize-space(.)) < {max_chars}]"
    )


def _parse(data: dict[str, object]) -> Rulebook:
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, dict):
        raise ValueError("boilerplate.toml: missing [rules]")
    rules: list[Rule] = []
    for name, body in raw_rules.items():
        kind = body.get("kind")
        if kind not in KINDS:
            raise ValueError(f"boilerplate.toml: rule {name!r} has unknown kind {kind!r}")
        flags = 0 if body.get("case_sensitive") else re.IGNORECASE
        patterns = tuple(re.compile(p, flags) for p in body.get("patterns", []))
        rules.append(Rule(name=name, kind=kind, patterns=patterns))
    trailing = data.get("trailing_block", {})
    html = data.get("html", {})
    wires = data.get("wires", {})
    furniture = data.get("furniture", {})
    assert isinstance(trailing, dict) and isinstance(html, dict) and isinstance(wires, dict)
    assert isinstance(furniture, dict)
    tokens = list(html.get("class_or_id_contains", []))
    xpaths = [_class_or_id_xpath(tokens, int(html.get("max_box_chars", 2000)))]
    xpaths.extend(html.get("xpaths", []))
    version = data.get("version", 0)
    return Rulebook(
        version=int(version) if isinstance(version, int) else 0,
        rules=tuple(rules),
        wires=frozenset(str(w).lower() for w in wires.get("names", [])),
        trailing_min_position=float(trailing.get("min_position", 0.5)),
        trailing_max_unmatched_after=int(trailing.get("max_unmatched_after", 400)),
        prune_xpaths=tuple(xpaths),
        furniture=compile_rules(furniture, [str(w) for w in wires.get("names", [])]),
    )


@cache
def load_rulebook() -> Rulebook:
    """The packaged rules, compiled on first use and shared by every article afterwards."""
    text = RULES_PATH.read_text(encoding="utf-8")
    return _parse(tomllib.loads(text))
