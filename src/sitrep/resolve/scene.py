"""Where and when an article's story takes place, for events whose own sentence does not say.

Reports state the date and place of an incident once and then go on: "Drones struck Kharkiv on
Monday, the governor said. Two people were killed and a school was damaged." An analyst codes the
second sentence's events on Monday in Kharkiv, and keeps doing so in the following paragraphs as
long as they tell the same incident (wire copy puts one sentence in each paragraph).

The scene ends where a new incident begins: a sentence that says so ("Separately, ...",
"Elsewhere, ...", "In another attack, ..."), or a physical event with a place of its own other
than the scene's. A new incident's undated events are left undated rather than given the previous
incident's date. A sentence comparing the story's act with an earlier one ("echoes of the 2014
abduction") keeps its own date and place and passes neither on. A sentence with a time phrase
of its own that is not a date ("for more than a year", "since 2015") keeps it: only a part of a
day ("shortly after dawn") takes the scene's day.
Statements (ACCUSE, REQUEST, ...) take the date of the last dated sentence of their paragraph and
no place: a statement has no scene of its own. The dateline's place ("KHARKIV, Ukraine (Reuters) -")
is the fallback place of physical events told before any place is named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sitrep.models import Actor, CleanArticle, DatePrecision, EventMention, Location
from sitrep.resolve.dates import COUNT_WORDS, count_of, is_part_of_day, reference_date, resolve_date
from sitrep.resolve.gazetteer_data import Place
from sitrep.resolve.narrative import narrative_days
from sitrep.resolve.place_relations import is_province, placed_in, same_place, within
from sitrep.resolve.places import PROVINCE_NAMED, Gazetteer
from sitrep.resolve.scene_cues import (
    Told,
    comparison_cues,
    lead_dateline,
    new_incident_cues,
    same_frame_cues,
    took_place_at,
    took_place_on,
)
from sitrep.resolve.scene_places import (
    A_COUNTRYS_CAPITAL,
    ANAPHOR,
    APPOSED,
    CONTESTED_CAPITALS,
    IN_PROVINCE,
    PHYSICAL,
    PROVINCE_OFFICE,
    REFERENCE_TOWN,
    RELATIVE,
    RELATIVE_END,
    THE_CAPITAL,
    called_a_settlement,
    dateline_city,
    destination_or_origin,
    located_far,
    named_as_near,
    names_a_party,
    province_of,
)
from sitrep.resolve.sentence_places import (
    NAME_LOCATED,
    candidates,
    main_place,
    most_specific,
    names_a_side,
    town_part,
)
from sitrep.resolve.tolls import several_acts_cues

# Speakers whose statements are coded in their country: states, through their government or forces.
_STATE_KINDS = frozenset({"government", "state_forces"})
# Acts two sides do at a venue (talks, agreements): the venue is their place, not a speaker's country.
_VENUE_ACTS = frozenset({"AGREE", "CONSULT", "COOPERATE", "SANCTION"})
# Penn tags of a present-tense finite verb; auxiliaries of the perfect.
_PRESENT = frozenset({"VBZ", "VBP"})
_PERFECT = frozenset({"has", "have", "had", "'s", "'ve"})
# A time that points back at the day just told: "later the same day", "that night".
_SAME_DAY = re.compile(r"\b(?:that|the same) (?:day|night|morning|afternoon|evening)\b", re.IGNORECASE)
# A time that counts back from the day just told: "a day earlier", "two days before", "the day before".
_DAYS_EARLIER = re.compile(r"(?:(?P<count>" + COUNT_WORDS + r")|the) days? (?:earlier|before)", re.IGNORECASE)
# A time that points at the day after the one just told: "the following day", "the next morning".
_NEXT_DAY = re.compile(
    r"\s*(?:on )?(?:the )?(?:following|next) (?:day|morning|afternoon|evening|night)\b|\s*a day later\b",
    re.IGNORECASE,
)


# A round-up's next item at the place just told: "Also in the city, soldiers shot dead three gunmen".
_ALSO_THERE = re.compile(
    r"^\W*also\s+in\s+the\s+(?:same\s+)?(?:city|town|village|province|district|region|area|state|capital)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Dated:
    when: str
    precision: DatePrecision
    sentence: int  # start offset of the sentence that stated it
    paragraph: int


# A site's date bar above its breadcrumb: "Wednesday, June 19, 2024" | "HomeNewsRenewed clashes ..." |
# "Renewed clashes ...": the day the page was read, not the day of the story
_BANNER_DAY = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]+\s+\d{1,2},\s+(?:19|20)\d\d\s*$"
)


def _without_site_banner(text: str) -> str:
    """The text without a date bar that opens it, when the line after it is a breadcrumb trail run into
    the headline (the headline follows again on its own)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:6]
    if len(lines) < 3 or not _BANNER_DAY.match(lines[0]):
        return text
    crumb = lines[1]
    if any(len(crumb) > len(line) >= 20 and crumb.endswith(line) for line in lines[2:]):
        return text.replace(lines[0], "", 1)
    return text


# A caption of an old picture ("File: Smoke rises over Tulkarem, December 17, 2023", "... on July 11,
# 2024 (File photo: ...)"): its day is the picture's, not the page's
_FILE_PICTURE = re.compile(
    r"(?im)^(?:\s*file(?:\s+(?:image|photo|picture|footage)s?\b|\s*:)|.*\(file\s+(?:image|photo|picture)).*$"
)


def _dating_text(text: str) -> str:
    """The text a page with no publication date is dated by: without its site's date bar and without
    captions of old pictures."""
    return _FILE_PICTURE.sub("", _without_site_banner(text))


# "in the country's far north", "in the north of the country": a part of the country, not the
# reporter's city
_PART_OF_THE_COUNTRY = re.compile(
    r"\b(?:the\s+country['’]s\s+(?:far[- ])?(?:north|south|east|west)|(?:far[- ])?(?:north|south|east|west)"
    r"(?:ern)?\s+(?:part\s+)?of\s+the\s+country"
    # "troops fired at each other in their disputed border area", "on the front line": far from the
    # reporter's capital too
    r"|border|frontier|front[- ]?line)\b",
    re.IGNORECASE,
)


class Scene:
    def __init__(
        self,
        article: CleanArticle,
        gazetteer: Gazetteer,
        context: Sequence[str],
        doc: Any = None,
        is_actor: Callable[[str], bool] | None = None,
        provinces: Sequence[Place] | None = None,
    ) -> None:
        text = article.text
        self._gazetteer, self._context, self._doc, self._is_actor = gazetteer, context, doc, is_actor
        self._home = context[0] if context else None
        self._breaks = [i for i, char in enumerate(text) if char == "\n"]
        # An article without a publication date is dated by its own text (see dates.reference_date).
        # A caption or a page's date line removed as furniture still dates the page ("Debris inside the
        # church ... on Jan 27, 2019. PHOTO: AFP").
        self._reference = (
            (reference_date(_dating_text(text)) or reference_date(_dating_text(article.original or "")))
            if article.published is None
            else None
        )
        self._incident_date: _Dated | None = None  # the date of the incident being told
        self._days_told: set[str] = set()  # the days physical acts so far were stated to happen on
        self._same_frame = True  # no sentence so far has opened another time frame
        # "At least 36 people were killed in separate attacks across Iraq on Sunday": a round-up whose
        # lead dates all its acts; the acts told one by one after it, with no day of their own, are
        # that day's, whatever "Elsewhere" or "In another attack" opens them
        self._roundup: _Dated | None = None
        self._acts_seen = False  # a physical act was told before this sentence
        self._last_date: _Dated | None = None  # the last date any sentence stated
        self._place: Location | None = None
        # "According to the statement, the attack took place in Inates on December 11": the day of
        # the story's act, for its mentions that state none
        self._told = took_place_on(text, article.published or self._reference)
        # days narrative sentences with no event state ("drove into Dapchi on Monday night")
        self._narrated = [
            _Dated(when, precision, start, self._paragraph(start))
            for start, when, precision in narrative_days(doc, article.published or self._reference)
        ]
        self._dateline: Location | None = None
        self._broken_at: int | None = None  # sentence that opened a new incident
        # the provinces the article names as provinces (the resolver has read them for its context)
        self.provinces = list(provinces) if provinces is not None else gazetteer.provinces_in(text)
        # the town or village the headline and lead name: the place of the article's own story
        dateline = article.dateline_place or lead_dateline(text, gazetteer, context)
        self._main = main_place(text, doc, gazetteer, context, is_actor, dateline) if doc else None
        # the lead names no town ("a cathedral in the southern Philippines"): the town the whole
        # article names, before the reporter's city
        where = self._told.where if self._told is not None and self._told.where else took_place_at(text)
        # "... in Balochistan on Tuesday. The attack took place in the Mashkaf area of Bolan district":
        # the finer place the report says its act was at, for the acts it places only in a province
        self._took_place: Location | None = None
        if where:
            told_at = gazetteer.resolve_in_article(where, context, None, True)
            if told_at is not None and told_at.precision <= 2 and (not context or told_at.country in context):
                self._took_place = told_at
        if self._main is None and where:
            # "The attack took place near Tillaberi on Wednesday", "The blast took place in the Tarrem
            # area of Bijapur district": the town the report says its act was at, when the lead names none
            told = gazetteer.resolve(where, context)
            # a province will do ("between Malelei and Kulan in Garissa county"), never a country
            finer = told is not None and (told.precision <= 2 or gazetteer.country_iso3(told.name) is None)
            if told is not None and finer and (not context or told.country in context):
                self._main = told
        self._story = self._main
        if doc is not None and self._main is None:
            self._story = main_place(text, doc, gazetteer, context, is_actor, dateline, lead=len(text))
        if dateline:
            found = gazetteer.venue(dateline) or dateline_city(gazetteer, dateline.title(), context)
            if found is not None:
                self._dateline = Location(**{**found.to_dict(), "precision": max(found.precision, 2)})

    def _finer_told(self, location: Location) -> bool:
        """The place a "took place in" sentence gives lies in this province or country (kept by name,
        a village may have no province)."""
        told = self._took_place
        if told is None or self._broken_at is not None:
            return False
        if location.precision < 3 or told.country != location.country:
            return False
        return location.admin1 is None or told.admin1 in (None, location.admin1)

    def _one_frame(self) -> bool:
        return self._broken_at is None or self._same_frame

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._breaks, offset)

    def _narrated_before(self, sentence: int, paragraph: int) -> _Dated | None:
        """The day the latest narrative sentence before this one states, in this paragraph or the
        one before, after any sentence that opened another incident."""
        found = None
        for dated in self._narrated:
            if dated.sentence >= sentence:
                break
            if self._broken_at is not None and dated.sentence <= self._broken_at:
                continue
            if paragraph - dated.paragraph <= 2:  # a blank line between paragraphs is two breaks
                found = dated
        return found

    def fill(
        self,
        mention: EventMention,
        when: str | None,
        precision: DatePrecision | None,
        location: Location | None,
    ) -> tuple[str | None, DatePrecision | None, Location | None]:
        """The mention's date and place, taken from the scene where its sentence states none."""
        sentence = mention.sentence.start
        paragraph = self._paragraph(sentence)
        physical = mention.plover in PHYSICAL
        if location is not None and mention.place is not None and destination_or_origin(mention):
            location = None  # "the injured were airlifted to Raipur": where they went, not the act's place
        if location is not None and mention.place is not None and not self._attested(mention, location):
            location = None  # "on Satruday", "the Anglican Church-run hospital": no place the gazetteer knows
        if location is not None and self._surname(mention):
            location = None  # "the assassins beat Mota" after "Mayor Gisela Mota": a person, not a town
        if location is not None and mention.place is not None and names_a_side(mention.place.text):
            location = None  # "attacks on US troops": a side, not a place
        if location is not None and names_a_party(mention):
            location = None  # "Hamas blamed Israel", "urged Russia": a party to the statement, not its place
        if location is not None and mention.place is not None and self._located_from(mention):
            # "civilians trying to flee Qarni village, northwest of El-Fasher city": the village the
            # relative phrase locates, in the reference town's province
            location = self._village_before(mention, location) or location
        if location is None or location.precision >= 3:
            # "gunmen attacked Garissa University College in northeast Kenya": the sentence names a
            # town the extractor's phrase does not
            # ("in the Krasnoyarsk district of Belgorod region": a town of the province the phrase
            # gives, never a namesake elsewhere in the country)
            province = location if location is not None and is_province(location) else None
            # "targeted the Ain al-Asad air base in western Iraq": a place the gazetteer lacks is kept
            # in the country the phrase names, not in the article's first country
            country = location.country if location is not None and location.admin1 is None else None
            finer = self._in_sentence(mention, 3, inside=province, inside_as_statement=False, country=country)
            if finer is not None and (country is None or finer.country == country):
                location = finer
        elif location.precision == 2 and location.admin1 is not None and not called_a_settlement(mention):
            # "shelled a checkpoint in the village of Buhas in the Volnovakha area": the village itself,
            # when the sentence names one in the same province as the area the phrase gives ("near the
            # town of Nairab", "south of Idlib city" name their town: another town of the province is
            # not a finer place)
            finer = self._in_sentence(mention, 2, inside=location)
            if finer is not None and not named_as_near(mention, finer):
                location = finer  # but "Kfar Rumman, near the city of Nabatieh" is Kfar Rumman
        if location is not None and location.geonames_id is None:
            location = self._placed_from(mention, location)
        if location is None or (location.precision >= 3 and location.country == self._home):
            # "police banned all rallies in the capital": the capital of the article's country, not
            # the town the sentence before named
            location = self._capital_named(mention) or location
        if location is None or (location.precision == 3 and location.admin1 is None):
            # "Russian drones struck the Ukrainian capital", "airstrikes in the Lebanese capital": that
            # country's capital, not the attacker's country the adjective before named
            location = self._a_countrys_capital(mention) or location
        if location is None or (location.precision == 3 and location.admin1 is None):
            # "gunmen killed a candidate, the Guerrero state prosecutor's office said": the province
            # the sentence names, in the country the act is placed in, is finer than the country
            # (with no place at all, a province of any of the article's countries: "a Russian missile
            # strike injured five, Kharkiv Oblast Governor Oleh Syniehubov said" is Kharkiv's, not Russia's)
            country = location.country if location is not None else None
            location = self._province_named(mention, country) or location
        main = self._main if self._broken_at is None else None
        narrowed = main if not self._another_day(mention, when) else None
        if physical and location is not None and narrowed is not None and (
            within(narrowed, location) or province_of(narrowed, location)
        ):
            location = narrowed  # "in northeast Kenya" in a report on the attack in Garissa: Garissa
        if physical and self._place is not None and mention.place and ANAPHOR.match(mention.place.text):
            location = self._place  # "two missiles hit the city's Kyivskyi district": the city in focus
        anchor = self._place or main
        if physical and location is not None and anchor is not None and placed_in(location, anchor):
            # "near Burkapal village" in a report on an ambush in Sukma district: the village the
            # gazetteer lacks is in the story's area (its province and point, precision 2)
            location = replace(location, admin1=anchor.admin1, lat=anchor.lat, lon=anchor.lon)
        if comparison_cues().search(mention.sentence.text):
            # "This week's incident echoes the abduction of 276 girls in April 2014": that act's date
            # and place are not the story's, and do not carry to the sentences after it
            own_time = mention.time.text if mention.time else None
            if when is None and own_time:
                when, precision = self._in_own_frame(own_time)
            return when, precision, location
        moved = False
        if self._broken_at != sentence and new_incident_cues().search(mention.sentence.text):
            self._broken_at = sentence  # the incident told so far is over
            # ... but "Meanwhile, ...", "Elsewhere, ..." tell another act in the same time frame
            self._same_frame = same_frame_cues().search(mention.sentence.text) is not None
            self._incident_date = None
            if _ALSO_THERE.match(mention.sentence.text):
                self._same_frame = True  # "Also in the city, ...": another act, same place and time frame
            else:
                self._place = None
        elif physical and location is not None and self._place and not same_place(location, self._place):
            if when is None or self._incident_date is None or self._incident_date.sentence != sentence:
                self._incident_date = None  # another place, another incident
                moved = True
            self._place = None
        own_time = mention.time.text if mention.time else None
        if when is None and own_time:
            when, precision = self._in_own_frame(own_time)
        told_before = self._incident_date or self._last_date
        day_before = told_before if told_before is not None and told_before.sentence != sentence else None
        # a sentence opening with the day after the act just told (the parser labels no time there):
        # "The following day, militants abducted five drivers" ("She was killed the following day" may
        # count from a day no act was told on, "a day after taking office")
        following = _NEXT_DAY.match(mention.sentence.text) is not None
        if following and day_before is not None and day_before.precision == "day":
            when, precision = (date.fromisoformat(day_before.when) + timedelta(days=1)).isoformat(), "day"
        earlier = _DAYS_EARLIER.fullmatch(own_time.strip()) if own_time else None
        if earlier and day_before is not None and day_before.precision == "day":
            # "On Thursday, troops shot dead a man ... A day earlier, they killed a boy": the day before
            # the day just told, not before publication
            back_days = timedelta(days=count_of(earlier["count"]) if earlier["count"] else 1)
            when, precision = (date.fromisoformat(day_before.when) - back_days).isoformat(), "day"
        back = mention.days_before_main
        if when is None and back is not None and told_before is not None and told_before.precision == "day":
            # "The strikes came two days after a suicide bombing killed seven": two days before the
            # story's act; the story's own date stays the incident's
            main_day = date.fromisoformat(told_before.when)
            if abs(back) < 7:
                return (main_day - timedelta(days=back)).isoformat(), "day", location
            # "a week after": about then, the week that ends three days after it
            return (main_day - timedelta(days=back - 3)).isoformat(), "week", location
        if physical and when is not None and self._told is not None and self._broken_at is None:
            # "killed in an ambush last week ... The attack took place on Wednesday": the day told
            # for the story's act narrows the lead's week or month it falls in
            when, precision = _narrowed(when, precision, self._told)
        if when is not None and precision is not None:
            dated = _Dated(when, precision, sentence, paragraph)
            self._last_date = dated
            lead = physical and not self._acts_seen and own_time is not None
            if lead and several_acts_cues().search(mention.sentence.text):
                self._roundup = dated
            if physical:
                self._incident_date = dated
                if precision == "day" and mention.time is not None:
                    self._days_told.add(when)
        elif own_time is not None and _SAME_DAY.search(own_time) and told_before is not None:
            # "Later the same day, insurgents attacked the district town": the day just told
            when, precision = told_before.when, told_before.precision
        elif own_time is None or is_part_of_day(own_time):
            source = self._incident_date if physical else self._last_date
            if not physical and source is not None and source.paragraph != paragraph:
                source = None
            if physical and own_time is None and source is None and not moved:
                # the incident is not dated yet: a narrative sentence before this one may date it (not
                # one told of the scene this act is at another place from: "died in custody on 16
                # September" in Tehran does not date a killing in Sanandaj)
                source = self._incident_date = self._narrated_before(sentence, paragraph)
            if source is not None and source.sentence != sentence:
                when, precision = source.when, source.precision
            elif physical and self._told is not None and self._broken_at is None and own_time is None:
                when, precision = self._told.when, self._told.precision
            elif physical and own_time is None and self._one_frame() and len(self._days_told) == 1:
                # a story whose acts all happened on one stated day ("at least 30 were arrested on
                # Friday ... Meanwhile, workers clashed with police on Jinnah Avenue"): that day
                when, precision = next(iter(self._days_told)), "day"
            elif physical and own_time is None and self._roundup is not None:
                when, precision = self._roundup.when, self._roundup.precision
        self._acts_seen = self._acts_seen or physical
        venue = mention.plover in _VENUE_ACTS and self._dateline is not None
        if venue and location is not None and location.precision >= 3:
            # "DOHA, Qatar (AP) - The US and the Taliban signed a deal to end the war in Afghanistan":
            # the country a deal is about is not where it was signed; the reporter's city is
            location = self._dateline
        told = self._took_place
        if physical and location is not None and told is not None and self._finer_told(location):
            location = replace(told, admin1=told.admin1 or location.admin1)
        if location is not None:
            if physical:
                self._place = location
        elif physical:
            if self._place is not None:
                location = self._place
            elif self._broken_at is None:
                # the place a "took place" sentence gives the story's act, else the story's, else the
                # reporter's city only when the story names none
                location = self._took_place or self._story
                if location is None and not _PART_OF_THE_COUNTRY.search(mention.sentence.text):
                    location = self._dateline  # not "in the country's far north": the capital is not there
        elif mention.plover in _VENUE_ACTS and self._dateline is not None:
            # "DOHA, Qatar - The United States and the Taliban signed a peace deal": the reporter is
            # where the talks are
            location = self._dateline
        elif self._main is not None:
            # A statement about the article's story ("the group denies responsibility") is coded
            # where the story is.
            location = self._main
        if location is None:
            location = self._in_sentence(mention, 4)
        if physical and location is not None and location.geonames_id is not None and location.precision <= 2:
            # "a bomb went off in the Shaab neighborhood" in a report from Baghdad: Baghdad, shown as
            # the part of it the sentence names (and the scene's place for the sentences after it)
            part = town_part(mention, self._doc, self._gazetteer, self._context, self._is_actor)
            if part is not None:
                location = replace(location, precision=2, text=part)
                self._place = location
        return when, precision, location

    def speaker_place(
        self, mention: EventMention, speaker: Actor | None, location: Location | None
    ) -> Location | None:
        """A statement whose sentence names no place, by a state's government or forces, is coded in
        the speaker's country, as analysts code it: "The White House condemned the bombings" in a
        report from Baghdad is the United States', "the Chief of the General Staff denies this" in a
        report on a village attack is Burkina Faso's, not the village's. (Real-text dev: coding
        only foreign speakers so gained 3 places, every state speaker 5, with one loss: a ministry's
        denial about the attacked town.) Talks and agreements keep their venue."""
        if mention.plover in PHYSICAL or mention.plover in _VENUE_ACTS:
            return location
        if speaker is None or not speaker.country or speaker.kind not in _STATE_KINDS:
            return location
        place = mention.place is not None and not names_a_party(mention)
        if place or self._in_sentence(mention, 4) is not None:
            return location
        return self._gazetteer.country(speaker.country) or location

    def told_as_news(self, mention: EventMention) -> bool:
        """True when a statement's verb is in the present tense ("UN chief calls for a probe", "the
        group denies responsibility", "officials are calling for his release"): news tells in the
        present what is said the day it is published, so such a mention with no time of its own is
        dated to the publication day (precision day). A present perfect ("have been killed", "has
        ordered") tells something done in the days before, and an act told in the present (a
        headline's "strike kills 29") often happened the day before: both are left to the
        publication week, as is a verb inside a quotation."""
        if self._doc is None or mention.time is not None or mention.plover in PHYSICAL:
            return False  # an act told in the present ("strike kills 29") often happened the day before
        before = mention.sentence.text[: mention.trigger.start - mention.sentence.start]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            return False  # inside a quote: said whenever the speaker said it
        span = self._doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        if any(aux.tag_ == "MD" or aux.lower_ in _PERFECT for aux in auxiliaries):
            return False  # "will ...", "has ...", "have been ..."
        if verb.tag_ in _PRESENT:
            return True
        return verb.tag_ == "VBG" and any(aux.tag_ in _PRESENT for aux in auxiliaries)

    def _in_own_frame(self, phrase: str) -> tuple[str | None, DatePrecision | None]:
        """A time phrase of an article without a publication date, against the day its text states
        (see dates.reference_date); nothing when the text states none."""
        return resolve_date(phrase, self._reference) if self._reference is not None else (None, None)

    def _surname(self, mention: EventMention) -> bool:
        """Is the extractor's place phrase a bare name that ends a person's name the article gives?"""
        place = mention.place
        if place is None or self._doc is None or " " in place.text.strip():
            return False
        name = place.text.strip()
        return any(
            ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == name and ent.start_char != place.start
            for ent in self._doc.ents
        )

    def _attested(self, mention: EventMention, location: Location) -> bool:
        """A name the gazetteer lacks is a place only when the sentence says so: a place entity, or
        words that make it one ("the village of X", "X, a village", "in X, Kenya")."""
        if location.geonames_id is not None or self._doc is None:
            return True
        if self._gazetteer.resolve(location.name, self._context) is not None:
            return True  # a supplement entry, or a name inside a phrase the gazetteer reads
        place = mention.place.text if mention.place is not None else ""
        if re.match(rf"(?:in|at) {re.escape(location.name)},? (?:near|in|outside) ", place):
            return True  # "in Kfar Rumman, near the southern city of Nabatieh": placed by its town
        if re.match(rf"(?:the )?(?:town|city|village|hamlet)s? of {re.escape(location.name)}\b", place):
            return True  # "the villages of A and B": A, named by the list's place noun
        sentence = mention.sentence
        return any(
            kind != "org" and location.name in span.text
            for span, kind in candidates(sentence.text, sentence.start, self._doc)
        )

    def _located_from(self, mention: EventMention) -> bool:
        """The place phrase is a town the sentence locates something else from ("northwest of
        El-Fasher city", "10km southwest of the town of Pale")."""
        place = mention.place
        assert place is not None
        before = mention.sentence.text[: max(place.start - mention.sentence.start, 0)]
        return bool(RELATIVE.match(place.text) or RELATIVE_END.search(before[-60:]))

    def _village_before(self, mention: EventMention, town: Location) -> Location | None:
        place = mention.place
        assert place is not None
        sentence = mention.sentence
        for span, kind in candidates(sentence.text, sentence.start, self._doc):
            gap = sentence.text[span.end - sentence.start : place.start - sentence.start]
            if kind != "feature" or not APPOSED.match(gap):
                continue
            name = span.text.strip()
            return Location(name, town.admin1, town.country, town.lat, town.lon, None, 2, name)
        return None

    def _placed_from(self, mention: EventMention, village: Location) -> Location:
        """A village the gazetteer lacks, which the sentence locates from a town it knows ("Kubum,
        about 30 km north of Maiduguri"): in that town's province and country, near its point."""
        sentence = mention.sentence.text
        for match in NAME_LOCATED.finditer(sentence):
            if match["name"].strip() != village.name:
                continue
            town_name = REFERENCE_TOWN.match(sentence[match.end() :])
            town = self._gazetteer.resolve(town_name["name"], self._context) if town_name else None
            if town is not None and town.precision == 1:
                if located_far(match.group(0)):  # "Haradheere, 396 km northeast of Mogadishu": no province
                    return replace(village, admin1=None, country=town.country, lat=None, lon=None)
                return replace(village, admin1=town.admin1, country=town.country, lat=town.lat, lon=town.lon)
        return village

    def _another_day(self, mention: EventMention, when: str | None) -> bool:
        """The sentence states a day of its own, not the day of the act told so far ("On June 20, 46
        women were killed in a prison in Honduras" after a massacre in Choloma on the 24th): another
        act, whose country or province is not narrowed to the story's town."""
        told = self._incident_date
        return (
            mention.time is not None and when is not None and told is not None
            and told.precision == "day" and when != told.when
        )

    def _province_named(self, mention: EventMention, country: str | None) -> Location | None:
        text = mention.sentence.text
        for match in PROVINCE_NAMED.finditer(text):
            placed = IN_PROVINCE.search(text[: match.start()]) or PROVINCE_OFFICE.match(text[match.end() :])
            if not placed:
                continue  # "an SUV with Mexico State license plates": a thing's description
            found = self._gazetteer.resolve(match.group(0), self._context)
            if found is None or found.precision != 3 or not found.admin1:
                continue
            if found.country == country or (country is None and found.country in self._context):
                return found
        return None

    def _capital_named(self, mention: EventMention) -> Location | None:
        match = THE_CAPITAL.search(mention.sentence.text)
        if match is None or self._home is None or self._home in CONTESTED_CAPITALS:
            return None
        country = self._gazetteer.country(self._home)
        demonym = match["demonym"]
        if demonym and (country is None or demonym[:4].lower() != country.name[:4].lower()):
            return None  # "the Ethiopian capital" in a report on Somalia: another country's capital
        capital = self._gazetteer.capital(self._home)
        if capital is None or (self._place is not None and same_place(capital, self._place)):
            return None  # the scene is already in the capital, at a site of it perhaps: it stands
        near = match["near"].lower() in ("outside", "near", "around")
        said = match.group(0)
        return replace(capital, precision=2 if near else 1, text=said[said.lower().index("the ") :])

    def _a_countrys_capital(self, mention: EventMention) -> Location | None:
        match = A_COUNTRYS_CAPITAL.search(mention.sentence.text)
        iso3 = self._gazetteer.demonym_country(match["demonym"]) if match is not None else None
        if match is None or iso3 is None or iso3 in CONTESTED_CAPITALS:
            return None
        capital = self._gazetteer.capital(iso3)
        said = match.group(0)
        return None if capital is None else replace(capital, precision=1, text=said)

    def _in_sentence(
        self,
        mention: EventMention,
        bound: int,
        inside: Location | None = None,
        inside_as_statement: bool = True,
        country: str | None = None,
    ) -> Location | None:
        # A statement's sentence names its parties too; a village refining "the X area" is one the
        # sentence puts as a place ("Kharkiv regional police said" names no place of the act). A town
        # inside a province the phrase gives is read as any place is (`inside_as_statement` False).
        # A `country` the phrase names is looked in first.
        statement = mention.plover not in PHYSICAL or (inside is not None and inside_as_statement)
        context = self._context if country is None else [country, *(c for c in self._context if c != country)]
        return most_specific(
            mention, self._doc, self._gazetteer, context, self._is_actor, bound, inside, statement
        )


def _narrowed(when: str, precision: DatePrecision | None, told: Told) -> tuple[str, DatePrecision | None]:
    """A week or a month narrowed to the day told for the act, when that day falls in it (a week is
    read loosely: "last week" said on a Sunday may mean the days just past)."""
    day = told.when
    if precision == "month" and day.startswith(when[:7]):
        return told.when, told.precision
    if precision == "week":
        gap = (date.fromisoformat(day) - date.fromisoformat(when[:10])).days
        if -7 <= gap <= 13:
            return told.when, told.precision
    return when, precision
