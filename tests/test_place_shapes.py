"""Place and date shapes of unseen real pages (session fifteen's readers), rewritten in our own words:
a province named with "department", a town given with its province after a comma, and the act's
day told before the comma that opens "police said"."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.app import Sitrep
from sitrep.models import Event


@pytest.fixture(scope="module")
def app() -> Sitrep:
    return Sitrep()


def _the_act(app: Sitrep, text: str, published: date = date(2022, 3, 10)) -> Event:
    [event] = [e for e in app.analyze_text(text, published=published).events if e.plover == "ASSAULT"]
    return event


def test_a_department_named_like_its_capital_is_the_department(app: Sitrep) -> None:
    event = _the_act(app, "Guerrillas ambushed a patrol in the Arauca department on Friday, killing four.")
    assert event.location is not None
    assert (event.location.admin1, event.location.precision) == ("Arauca", 3)


def test_a_town_given_with_its_province_after_a_comma_is_looked_up_there(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a farmer in El Penol, Antioquia, late on Monday.")
    assert event.location is not None
    assert event.location.admin1 == "Antioquia"


def test_the_acts_day_told_before_police_said_dates_the_act(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a teacher in Popayan, Cauca, on Tuesday, police said.")
    assert (event.date, event.date_precision) == ("2022-03-08", "day")


def test_a_day_on_the_saying_still_dates_the_saying(app: Sitrep) -> None:
    event = _the_act(app, "Armed men shot dead a teacher in Popayan, police said on Tuesday.")
    assert event.date != "2022-03-08"
