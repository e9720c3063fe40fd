"""The iCalendar feeds, read back with the icalendar library: required properties (RFC 5545
§3.6.1: UID, DTSTAMP; DTSTART), stable UIDs, VTIMEZONE, SEQUENCE and STATUS:CANCELLED."""

import icalendar
import pytest

from sistercity.culture import services

pytestmark = pytest.mark.django_db

BASE = "/en/culture/batang-toyama"


def parse(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return [c for c in calendar.walk("VEVENT")]


def test_the_partnership_feed_is_valid_and_complete(client, partnership):
    calendar = parse(client, f"{BASE}/calendar.ics")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = vevents(calendar)
    assert len(events) == partnership.culture_events.count() == 6
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"):
            assert required in event, required
        assert event["DTSTART"].params["TZID"] in {"Asia/Jakarta", "Asia/Tokyo"}
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"Asia/Jakarta", "Asia/Tokyo"}


def test_an_event_feed_carries_its_zone_and_local_time(client, batik):
    calendar = parse(client, f"{BASE}/events/{batik.slug}.ics")
    (event,) = vevents(calendar)
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Asia/Jakarta" and start.hour == 9
    assert start == batik.starts_at
    assert str(event["UID"]) == f"{batik.uid}@sistercity.culture"
    assert str(event["SUMMARY"]) == "Batik Rifaiyah workshop"


def test_the_feed_is_in_the_language_of_its_address(client, batik):
    (event,) = vevents(parse(client, f"/ja/culture/batang-toyama/events/{batik.slug}.ics"))
    assert str(event["SUMMARY"]) == "リファイヤ・バティック工房体験"
    assert "/ja/culture/" in str(event["URL"])


def test_a_cancellation_keeps_the_uid_and_raises_the_sequence(client, sari, batik):
    (before,) = vevents(parse(client, f"{BASE}/events/{batik.slug}.ics"))
    services.event_set_status(actor=sari, event=batik, status="cancelled")
    (after,) = vevents(parse(client, f"{BASE}/events/{batik.slug}.ics"))
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after["STATUS"] == "CANCELLED"


def test_the_cancelled_demo_event_is_in_the_feed_as_cancelled(client, cancelled_visit):
    events = vevents(parse(client, f"{BASE}/calendar.ics"))
    (row,) = [e for e in events if str(e["UID"]).startswith(str(cancelled_visit.uid))]
    assert row["STATUS"] == "CANCELLED"


def test_city_and_pillar_feeds_hold_their_events_only(client, partnership):
    toyama = vevents(parse(client, f"{BASE}/calendar/city/toyama.ics"))
    assert len(toyama) == partnership.culture_events.filter(city__slug="toyama").count() == 3
    culture = vevents(parse(client, f"{BASE}/calendar/pillar/culture.ics"))
    assert len(culture) == 6
    everything = vevents(parse(client, "/en/culture/calendar.ics"))
    assert len(everything) == 6


@pytest.mark.parametrize(
    "url",
    [
        f"{BASE}/calendar/city/kendal.ics",
        f"{BASE}/calendar/city/nowhere.ics",
        f"{BASE}/calendar/pillar/nothing.ics",
        f"{BASE}/events/nothing.ics",
        "/en/culture/unknown-partnership/calendar.ics",
    ],
)
def test_unknown_feeds_are_404(client, demo, url):
    assert client.get(url).status_code == 404


def test_a_private_partnership_has_no_feed(client, partnership):
    partnership.is_public = False
    partnership.save()
    assert client.get(f"{BASE}/calendar.ics").status_code == 404
    assert client.get("/en/culture/calendar.ics").content.count(b"BEGIN:VEVENT") == 0
