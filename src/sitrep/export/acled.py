"""Events as CSV in ACLED's public export columns, in their order, coded by ACLED's codebook.

One row per event that has an ACLED event type (ACLED records political violence, demonstrations
and strategic developments; a threat or an accusation is no ACLED event and is left out: the JSON
Lines and GDELT-style exports carry those). Every coded column takes its values from
data/export/acled.toml; columns Sitrep cannot know (admin2, admin3, associated actors) stay empty.
README.md describes the columns one by one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from sitrep.export import codebook
from sitrep.models import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
UNKNOWN_COUNTRY = "XXX"


def is_acled_event(event: Event) -> bool:
    return bool(event.acled_event_type)


def inter_code(actor: Actor | None) -> int | str:
    """ACLED's actor type code (1 state forces ... 8 external/other forces); "" when unknown."""
    if actor is None:
        return ""
    code: int | str = codebook.acled()["inter"].get(actor.kind or "", "")
    return code


def interaction(inter1: int | str, inter2: int | str) -> str:
    """The two codes, lower first ("17"); an actor alone (either side: a victim with no named
    perpetrator is alone too) is its code and 0 ("70")."""
    codes = sorted(int(code) for code in (inter1, inter2) if code != "")
    if not codes:
        return ""
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def disorder_type(event: Event) -> str:
    table = codebook.acled()["disorder"]
    by_sub = table["sub_event_type"].get(event.acled_sub_event_type or "")
    return str(by_sub or table["event_type"].get(event.acled_event_type or "", ""))


def civilian_targeting(event: Event) -> str:
    rule = codebook.acled()["civilian_targeting"]
    targeted = event.actor2 is not None and event.actor2.kind in rule["actor_kinds"]
    return "Civilian targeting" if targeted and event.acled_event_type in rule["event_types"] else ""


def sources(event: Event) -> list[str]:
    """The outlet, then every claimant the article quotes for this act (its mentions' sources)."""
    names = [event.outlet or ""]
    names += [mention.attributed_to or "" for mention in event.mentions]
    names.append(event.attributed_to or "")
    found = [name.strip() for name in dict.fromkeys(names) if name and name.strip()]
    return found or [f"unnamed outlet (article {event.article_id})"]


def tags(event: Event) -> str:
    """ACLED-style "key=value" tags, "; " apart: what Sitrep knows that has no column of its own."""
    found = []
    if event.acled_event_type in ("Protests", "Riots"):
        found.append("crowd size=no report")  # Sitrep does not read crowd sizes yet
    if event.figure_qualifier and event.killed is not None:
        found.append(f"fatalities={event.figure_qualifier} {event.killed}")
    if event.hedged:
        found.append("hedged=yes")
    if event.date_source and event.date_source != "stated":
        found.append(f"date from={event.date_source}")
    return "; ".join(found)


def _timestamp(event: Event) -> int | str:
    """The newest report behind the row: its publication date, 00:00 UTC, as a Unix time."""
    if not event.published:
        return ""
    try:
        day = datetime.fromisoformat(event.published[:10]).replace(tzinfo=UTC)
    except ValueError:
        return ""
    return int(day.timestamp())


def acled_row(event: Event) -> dict[str, object]:
    place = event.location
    iso3 = place.country if place else None
    country = codebook.countries().get(iso3 or "")
    inter1, inter2 = inter_code(event.actor1), inter_code(event.actor2)
    notes = " ".join((event.evidence.text if event.evidence else "").split())
    return {
        "event_id_cnty": f"{iso3 or UNKNOWN_COUNTRY}{event.event_id}",
        "event_date": event.date or "",
        "year": (event.date or "")[:4],
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": disorder_type(event),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event),
        "iso": country.numeric if country else "",
        "region": codebook.region_of(iso3),
        "country": country.name if country else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": place.precision if place else "",
        "source": "; ".join(sources(event)),
        "source_scale": codebook.source_scale(event.outlet, event.url, iso3),
        "notes": notes,
        "fatalities": event.killed if event.killed is not None else 0,
        "tags": tags(event),
        "timestamp": _timestamp(event),
    }


def to_csv(events: Iterable[Event]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        if not is_acled_event(event):
            continue
        writer.writerow(acled_row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
