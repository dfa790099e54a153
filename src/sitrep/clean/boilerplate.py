"""Find boilerplate in article text, paragraph by paragraph, and read the notices it contains.

A line (one paragraph in both the "one paragraph a line" and "blank line between paragraphs"
styles) is split into pieces: sentences, and segments between " / " or " | ". Each piece is
tested against the rules of data/boilerplate.toml. A line most of whose characters are in matched
pieces is boilerplate as a whole; otherwise only its matched pieces are cut, so a notice sharing a
line with news ("... said on Thursday. Click here to support us") leaves the news in place.
News that merely mentions support or donations matches nothing: the patterns name appeals
("support us", "donate now"), not topics.

Once an appeal paragraph starts near the end of the article, everything after it is the appeal
block (the unmatched sentences of a long appeal included) and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.clean import notices
from sitrep.clean.furniture import mark_furniture
from sitrep.clean.rules import Rule, Rulebook, load_rulebook
from sitrep.clean.stamps import PAGE_STAMP
from sitrep.models import Removed

_LINE = re.compile(r"[^\n]+")
# Between pieces: " / ", " | ", " • ", or the space after a sentence end before a capital (not after
# a month's short name: "JUBA, Oct. 8 — At least 15 soldiers" is one piece, its dateline whole).
# ... and an advertisement marker that a page ran into the next line's text ("... this
# advertisementREAD: ...")
_PIECE_BREAK = re.compile(
    r"\s+[/|•]\s+|(?<=[.!?…])(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)(?<!\bSept\.)"
    r"[\"”’)]?\s+(?=[“\"‘'(…A-Z0-9])|(?<=[Aa]dvertisement)(?=[A-Z])"
)
_LINK_LIKE_MAX = 140
_DATELINE_SEARCH_LINES = 6  # a section word, a headline, a standfirst of two lines and a date line
_SENTENCE_END = re.compile(r"[.…][\"”’)]?$")  # headlines may end in "?", paragraphs in "."
# Menu lines: "Home | World | Africa | Sahel"; at least this many short items between separators.
_MENU_ITEMS = 4
_MENU_SEPARATOR = re.compile(r"\s+[|•·]\s+|\s{3,}")
# A short piece naming who, right after a byline or republication piece: "ANTIWAR.COM", "Reuters".
_NAME_TAIL = re.compile(r"^[\w.&'’ -]{2,40}$")


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    rule: Rule | None = None


@dataclass(slots=True)
class Line:
    start: int
    end: int
    pieces: list[Piece]
    rule: str | None = None  # set when the whole line is boilerplate

    @property
    def matched_share(self) -> float:
        total = sum(p.end - p.start for p in self.pieces) or 1
        return sum(p.end - p.start for p in self.pieces if p.rule) / total

    def has_kind(self, kind: str) -> bool:
        return any(p.rule is not None and p.rule.kind == kind for p in self.pieces)


@dataclass(slots=True)
class BoilerplateResult:
    kept: list[tuple[int, int]]
    removed: list[Removed]
    byline: str | None = None
    republished_from: str | None = None
    source_url: str | None = None
    dateline_agency: str | None = None
    dateline_place: str | None = None
    notes: list[str] = field(default_factory=list)


def _split_pieces(text: str, start: int, end: int) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = start
    for match in _PIECE_BREAK.finditer(text, start, end):
        if match.start() > cursor:
            pieces.append(Piece(cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        pieces.append(Piece(cursor, end))
    return pieces


def _lines(text: str) -> list[Line]:
    lines: list[Line] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            lines.append(Line(start, end, _split_pieces(text, start, end)))
    return lines


def _classify_pieces(text: str, line: Line, book: Rulebook) -> None:
    previous: Piece | None = None
    for index, piece in enumerate(line.pieces):
        piece_text = text[piece.start : piece.end]
        piece.rule = book.first_match(piece_text)
        # "Republished with permission / ANTIWAR.COM": the name belongs to the notice.
        if (
            piece.rule is None
            and previous is not None
            and previous.rule is not None
            and previous.rule.kind in ("byline", "republication")
            and _NAME_TAIL.match(piece_text)
        ):
            piece.rule = previous.rule
        if piece.rule is None and len(line.pieces) <= 3 and line.end - line.start < 80:
            # "Jason Ditz / Reuters": a person's name followed by a wire.
            following = line.pieces[index + 1] if index + 1 < len(line.pieces) else None
            next_text = text[following.start : following.end] if following else None
            if next_text and notices.parse_byline(piece_text, book.wires, next_text):
                byline_rule = next((r for r in book.rules if r.kind == "byline"), None)
                piece.rule = byline_rule
                if following is not None:
                    following.rule = byline_rule
        previous = piece
    # "Leila Haddad / Republished with permission / OUTLET": the name before the notice is the author.
    for piece, following in zip(line.pieces, line.pieces[1:], strict=False):
        follows_notice = following.rule is not None and following.rule.kind == "republication"
        if piece.rule is None and follows_notice and notices.person_name(text[piece.start : piece.end]):
            piece.rule = next((r for r in book.rules if r.kind == "byline"), None)


def _is_menu(text: str, line: Line) -> bool:
    items = _MENU_SEPARATOR.split(text[line.start : line.end])
    return len(items) >= _MENU_ITEMS and all(0 < len(item.split()) <= 3 for item in items)


def _dominant_rule(line: Line) -> str:
    weights: dict[str, int] = {}
    for piece in line.pieces:
        if piece.rule:
            weights[piece.rule.name] = weights.get(piece.rule.name, 0) + piece.end - piece.start
    return max(weights, key=lambda name: weights[name])


def _is_link_like(text: str, line: Line) -> bool:
    body = text[line.start : line.end]
    if body[:1] in "-•*▪►·>":
        return True
    return len(body) <= _LINK_LIKE_MAX and not _SENTENCE_END.search(body)


# Kinds whose line, near the end of the article, opens a block dropped as a whole: an appeal, or a
# heading over another story ("Recall").
_TRAILING_KINDS = ("appeal", "other_story")


def _apply_trailing_block(text: str, lines: list[Line], book: Rulebook) -> None:
    unmatched_after = 0
    candidates: list[tuple[int, int]] = []  # (line index, unmatched chars after it)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if any(line.has_kind(kind) for kind in _TRAILING_KINDS):
            first = line.pieces[0].rule
            opens = first is not None and first.kind in _TRAILING_KINDS
            if line.rule or opens or line.matched_share >= 0.3:
                candidates.append((index, unmatched_after))
        if line.rule is None:
            unmatched_after += sum(p.end - p.start for p in line.pieces if p.rule is None)
    threshold = book.trailing_min_position * len(text)
    for index, after in reversed(candidates):  # earliest first
        if lines[index].start >= threshold and after <= book.trailing_max_unmatched_after:
            start_rule = lines[index].rule or next(
                p.rule.name for p in lines[index].pieces if p.rule and p.rule.kind in _TRAILING_KINDS
            )
            for line in lines[index:]:
                if line.rule is None:
                    line.rule = start_rule
            return


def _read_notices(text: str, lines: list[Line], book: Rulebook, result: BoilerplateResult) -> None:
    for line in lines:
        for index, piece in enumerate(line.pieces):
            if piece.rule is None:
                continue
            piece_text = text[piece.start : piece.end]
            following = line.pieces[index + 1] if index + 1 < len(line.pieces) else None
            next_text = text[following.start : following.end] if following else None
            kind = piece.rule.kind
            if kind == "byline" and result.byline is None:
                result.byline = notices.parse_byline(piece_text, book.wires, next_text)
            elif kind == "republication":
                name, url = notices.parse_republished(text[piece.start : line.end])
                if result.republished_from is None and name:
                    result.republished_from = name
                if result.source_url is None and url:
                    result.source_url = url
                result.notes.append("republication")
            elif kind == "source_line" and result.source_url is None:
                result.source_url = notices.parse_source_url(piece_text)


def _cut_dateline(text: str, lines: list[Line], book: Rulebook, result: BoilerplateResult) -> None:
    # The dateline opens the first paragraph; a headline or a standfirst may come before it.
    for line in [line for line in lines if line.rule is None][:_DATELINE_SEARCH_LINES]:
        head = line.pieces[0]
        if head.rule is not None:
            continue
        # a page's date stamp may come first: "date 2017-02-03 KHARTOUM (Reuters) - ..."
        stamp = PAGE_STAMP.match(text, head.start, head.end)
        skip = stamp.end() - head.start if stamp else 0
        dateline = notices.match_dateline(text[head.start + skip : head.end], book.wires)
        if dateline is not None and skip + dateline.end < head.end - head.start:
            break
    else:
        return
    end = head.start + skip + dateline.end
    result.removed.append(Removed(text[head.start : end], "wire_dateline", head.start, end))
    result.dateline_agency, result.dateline_place = dateline.agency, dateline.place
    head.start = end
    if "republication" in result.notes and result.republished_from is None and dateline.agency:
        result.republished_from = notices.outlet_name(dateline.agency)


def find_boilerplate(text: str, title: str | None = None) -> BoilerplateResult:
    """Classify every line of `text`; return the stretches to keep, the cuts and the notices."""
    book = load_rulebook()
    lines = _lines(text)
    result = BoilerplateResult(kept=[], removed=[])
    if lines and title and text[lines[0].start : lines[0].end].strip().casefold() == title.strip().casefold():
        lines[0].rule = "title"
    in_link_list = False
    for line in lines:
        if line.rule:
            continue
        if _is_menu(text, line):
            line.rule = "navigation"
            continue
        _classify_pieces(text, line, book)
        if in_link_list and line.matched_share == 0 and _is_link_like(text, line):
            line.rule = "link_list"
            continue
        in_link_list = False
        if line.matched_share >= 0.5:
            line.rule = _dominant_rule(line)
            in_link_list = line.has_kind("link_list")
    mark_furniture(text, lines, book.furniture)
    _apply_trailing_block(text, lines, book)
    _read_notices(text, lines, book, result)
    _cut_dateline(text, lines, book, result)
    for line in lines:
        if line.rule:
            result.removed.append(Removed(text[line.start : line.end], line.rule, line.start, line.end))
            continue
        run_start: int | None = None
        run_end = line.start
        for piece in line.pieces:
            if piece.rule is None:
                if run_start is None:
                    run_start = piece.start
                run_end = piece.end
                continue
            cut = Removed(text[piece.start : piece.end], piece.rule.name, piece.start, piece.end)
            result.removed.append(cut)
            if run_start is not None:
                result.kept.append((run_start, run_end))
                run_start = None
        if run_start is not None:
            result.kept.append((run_start, run_end))
    result.removed.sort(key=lambda r: r.start)
    if result.byline is None and result.dateline_agency and result.dateline_agency.lower() in book.wires:
        result.notes.append(f"wire:{result.dateline_agency}")
    return result
