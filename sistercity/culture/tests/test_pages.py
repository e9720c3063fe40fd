"""Public pages (events, registration, cancel page, destinations, JSON-LD, sitemap) and the
organisers' pages: who sees registrants (organisers, not observers), exports."""

import csv
import io
import json
import re

import pytest
from django.core import mail
from openpyxl import load_workbook

from sistercity.culture.models import Registration
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

BASE = "/en/culture/batang-toyama"


def jsonld(html: str, element_id: str) -> dict:
    match = re.search(
        rf'<script type="application/ld\+json" id="{element_id}">(.*?)</script>', html, re.S
    )
    assert match, element_id
    return json.loads(match.group(1))


def test_public_pages_answer_everyone(client, demo):
    for url in [
        "/ja/culture/",
        f"{BASE}/events/",
        f"{BASE}/events/lokakarya-batik-rifaiyah/",
        f"{BASE}/destinations/",
        f"{BASE}/destinations/museum-kaca-toyama/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_event_page_carries_event_jsonld_and_alternates(client, batik):
    html = client.get(f"{BASE}/events/{batik.slug}/").content.decode()
    data = jsonld(html, "event-jsonld")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Batik Rifaiyah workshop"
    assert data["startDate"].endswith("+07:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["organizer"]["name"] == "Batang Regency"
    for code in ("id", "ja", "en"):
        assert f'hreflang="{code}"' in html
    assert 'property="og:title"' in html


def test_an_online_event_has_a_virtual_location(client, glass):
    html = client.get(f"{BASE}/events/{glass.slug}/").content.decode()
    data = jsonld(html, "event-jsonld")
    assert data["location"] == {"@type": "VirtualLocation", "url": glass.online_url}
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_a_cancelled_event_stays_visible_as_cancelled(client, cancelled_visit):
    response = client.get(f"{BASE}/events/{cancelled_visit.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This event has been cancelled." in html
    assert jsonld(html, "event-jsonld")["eventStatus"].endswith("EventCancelled")
    assert 'data-test="closed"' in html
    listing = client.get(f"{BASE}/events/").content.decode()
    assert f'data-event="{cancelled_visit.slug}" data-status="cancelled"' in listing


def test_times_are_shown_in_the_readers_zone_with_the_original_named(client, batik):
    ja = client.get(f"/ja/culture/batang-toyama/events/{batik.slug}/").content.decode()
    assert re.search(r"11:00–14:00 JST.*09:00–12:00 WIB", ja)
    en = client.get(f"{BASE}/events/{batik.slug}/").content.decode()
    assert "09:00–12:00 WIB" in en and "JST" not in en.split('data-test="when"')[1][:200]


def test_a_visitor_registers_through_the_form(client, batik):
    response = client.post(
        f"{BASE}/events/{batik.slug}/",
        {"full_name": "Tanaka", "email": "t@example.jp", "people": 1, "language": "ja"},
        follow=True,
    )
    assert response.status_code == 200
    assert Registration.objects.get(email="t@example.jp").status == "confirmed"
    assert mail.outbox[0].to == ["t@example.jp"]


def test_the_honeypot_saves_nothing(client, batik):
    before = db_snapshot("culture")
    response = client.post(
        f"{BASE}/events/{batik.slug}/",
        {
            "full_name": "Bot",
            "email": "bot@example.com",
            "people": 1,
            "language": "en",
            "website": "http://spam.example",
        },
    )
    assert "could not be accepted" in response.content.decode()
    assert db_snapshot("culture") == before
    assert mail.outbox == []


def test_a_form_error_is_shown_and_nothing_saved(client, batik):
    before = db_snapshot("culture")
    response = client.post(
        f"{BASE}/events/{batik.slug}/",
        {"full_name": "X", "email": "nope", "people": 1, "language": "en"},
    )
    assert "Enter a valid email address." in response.content.decode()
    assert db_snapshot("culture") == before


def test_the_cancel_link_asks_first_then_cancels(client, glass):
    registration = glass.registrations.filter(status="confirmed").first()
    url = f"/en/culture/registrations/{registration.token}/"
    page = client.get(url)
    assert page.status_code == 200 and 'data-test="cancel-registration"' in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET (a mail scanner) changes nothing
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.get("/en/culture/registrations/unknown/").status_code == 404


def test_destinations_carry_tourist_attraction_jsonld(client, demo):
    html = client.get(f"{BASE}/destinations/museum-kaca-toyama/").content.decode()
    data = jsonld(html, "destination-jsonld")
    assert "TouristAttraction" in data["@type"]
    assert data["geo"]["latitude"] == pytest.approx(36.6906)
    listing = client.get(f"{BASE}/destinations/").content.decode()
    assert listing.count("data-destination=") == 10


def test_the_sitemap_lists_events_and_destinations_in_every_language(client, batik):
    xml = client.get("/en/culture/sitemap.xml").content.decode()
    assert f"/en/culture/batang-toyama/events/{batik.slug}/</loc>" in xml
    assert (
        f'hreflang="ja" href="http://testserver/ja/culture/batang-toyama/events/{batik.slug}/"'
        in xml
    )
    assert "/destinations/museum-kaca-toyama/" in xml


def test_the_partnership_page_shows_upcoming_events(client, batik):
    html = client.get("/en/p/batang-toyama/").content.decode()
    assert 'id="culture-events"' in html and batik.slug in html


ORGANISERS = ["sari", "yamada", "ayu", "admin_user"]
NOT_ORGANISERS = ["budi", "observer"]


@pytest.mark.parametrize("who", ORGANISERS)
def test_organisers_see_and_export_registrants(who, request, client_for, batik):
    client = client_for(request.getfixturevalue(who))
    page = client.get(f"{BASE}/manage/{batik.slug}/registrations/")
    assert page.status_code == 200 and "siti@example.org" in page.content.decode()
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"{BASE}/manage/{batik.slug}/registrations.csv").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][0] == "Full name" and {r[1] for r in rows[1:]} == {
        "siti@example.org",
        "bambang@example.org",
    }
    sheet = load_workbook(
        io.BytesIO(client.get(f"{BASE}/manage/{batik.slug}/registrations.xlsx").content)
    ).active
    assert sheet.max_row == 3


@pytest.mark.parametrize("who", NOT_ORGANISERS)
def test_observers_and_other_pillars_see_no_registrants(who, request, client_for, batik):
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"{BASE}/manage/").status_code == 200  # the events and their counts
    for url in [
        f"{BASE}/manage/{batik.slug}/registrations/",
        f"{BASE}/manage/{batik.slug}/registrations.csv",
        f"{BASE}/manage/{batik.slug}/",
    ]:
        assert client.get(url).status_code == 403, url
    manage = client.get(f"{BASE}/manage/").content.decode()
    assert "siti@example.org" not in manage


@pytest.mark.parametrize("who", ["otto", "dewi"])
def test_outsiders_get_404_on_organiser_pages(who, request, client_for, batik):
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"{BASE}/manage/").status_code == 404
    assert client.get(f"{BASE}/manage/{batik.slug}/registrations/").status_code == 404


def test_an_organiser_creates_an_event_through_the_form(client_for, ayu, demo):
    client = client_for(ayu)
    response = client.post(
        f"{BASE}/manage/new/",
        {
            "slug": "tari-kuda-lumping",
            "title": "Kuda Lumping dance",
            "kind": "arts",
            "city": demo.batang.pk,
            "organiser": demo.batang.pk,
            "pillar": demo.partnership.pillars.get(code="culture").pk,
            "time_zone": "Asia/Tokyo",
            "starts_at": "2027-05-01T10:00",
            "ends_at": "2027-05-01T12:00",
            "venue": "Toyama Kirari",
            "capacity": 30,
            "registration_open": "on",
        },
    )
    assert response.status_code == 302
    event = demo.partnership.culture_events.get(slug="tari-kuda-lumping")
    assert event.starts_at.astimezone(event.zone).hour == 10
    assert event.time_zone == "Asia/Tokyo"


def test_a_bad_event_form_saves_nothing(client_for, ayu, demo):
    client = client_for(ayu)
    before = db_snapshot("culture")
    response = client.post(
        f"{BASE}/manage/new/",
        {
            "slug": "salah",
            "title": "Wrong",
            "kind": "arts",
            "city": demo.batang.pk,
            "organiser": demo.batang.pk,
            "pillar": demo.partnership.pillars.get(code="culture").pk,
            "time_zone": "Asia/Jakarta",
            "starts_at": "2027-05-01T10:00",
            "ends_at": "2027-05-01T09:00",
            "venue": "Alun-alun",
        },
    )
    assert "The event must end after it starts." in response.content.decode()
    assert db_snapshot("culture") == before


def test_visitor_figures_show_as_a_table_and_charts_with_their_source(client, demo):
    html = client.get(f"{BASE}/visitors/").content.decode()
    assert html.count('data-test="visitor-chart"') == 2
    assert html.count("<rect") == 12
    assert "Disparpora Kabupaten Batang" in html
    assert 'id="visitor-figures"' in html


def test_the_destination_list_works_without_javascript_and_offers_maps(client, demo):
    html = client.get(f"{BASE}/destinations/").content.decode()
    assert html.count("<tr data-destination=") == 10
    assert html.count('data-test="map"') == 2
    assert 'id="points-toyama" type="application/json"' in html


def _more_events(partnership, demo, n):
    import datetime as dt

    from sistercity.core.models import Pillar
    from sistercity.culture.models import Event

    source = Event.objects.get(slug="lokakarya-batik-rifaiyah")
    pillar = Pillar.objects.get(code="culture")
    for i in range(n):
        event = Event(
            partnership=partnership, slug=f"extra-{i}", kind="arts", city=demo.toyama,
            organiser=demo.toyama, pillar=pillar, time_zone="Asia/Tokyo",
            starts_at=source.starts_at + dt.timedelta(days=i + 1),
            ends_at=source.ends_at + dt.timedelta(days=i + 1), capacity=3,
        )  # fmt: skip
        event.set_current_language("en")
        event.title, event.venue = f"Extra {i}", "Kirari"
        event.save()
        event.registrations.create(full_name="X", email=f"x{i}@example.org", people=1,
                                   language="en", status="confirmed")  # fmt: skip


@pytest.mark.parametrize("url", [f"{BASE}/events/", "/en/culture/", f"{BASE}/manage/"])
def test_list_pages_take_the_same_queries_at_two_sizes(client_for, sari, partnership, demo, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(sari)
    client.get(url)  # warm caches (sessions, translations)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _more_events(partnership, demo, 5)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize("who", ["sari", "observer"])
def test_members_export_the_events_with_their_counts(who, request, client_for, demo):
    client = client_for(request.getfixturevalue(who))
    sheet = load_workbook(io.BytesIO(client.get(f"{BASE}/manage/events.xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Short name" and len(rows) == 1 + 6
    batik = next(r for r in rows if r[0] == "lokakarya-batik-rifaiyah")
    assert batik[9] == 3 and batik[4].endswith("WIB")
    text = client.get(f"{BASE}/manage/events.csv").content.decode("utf-8-sig")
    assert "siti@example.org" not in text and "kaca-toyama-daring" in text


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_off_private_links(rf):
    from sistercity.culture.views.public import robots_txt

    text = robots_txt(rf.get("/robots.txt")).content.decode()
    assert "Sitemap: http://testserver/ja/culture/sitemap.xml" in text
    assert "Disallow: /id/culture/registrations/" in text
    assert "Disallow: /en/culture/*/manage/" in text


def test_an_organiser_records_a_visitor_figure_and_a_bad_one_saves_nothing(client_for, ayu, demo):
    from sistercity.culture.models import VisitorFigure

    client = client_for(ayu)
    values = {
        "city": demo.toyama.pk,
        "month": "2026-11",
        "origin": "indonesia",
        "visitors": 512,
        "source": "Toyama City tourism office",
    }
    before = db_snapshot("culture")
    response = client.post(f"{BASE}/manage/visitors/", {**values, "visitors": -3}, follow=True)
    assert "The number of visitors cannot be negative." in response.content.decode()
    assert db_snapshot("culture") == before
    client.post(f"{BASE}/manage/visitors/", values)
    figure = VisitorFigure.objects.get(city=demo.toyama, month="2026-11-01", origin="indonesia")
    assert figure.visitors == 512


def test_an_observer_cannot_record_visitor_figures(client_for, observer, demo):
    before = db_snapshot("culture")
    client_for(observer).post(
        f"{BASE}/manage/visitors/",
        {
            "city": demo.toyama.pk,
            "month": "2026-11",
            "origin": "japan",
            "visitors": 1,
            "source": "x",
        },
    )
    assert db_snapshot("culture") == before


@pytest.mark.parametrize("who", ["ayu", "observer", "budi"])
def test_members_export_the_visitor_figures_with_their_sources(who, request, client_for, demo):
    from sistercity.culture.models import VisitorFigure

    client = client_for(request.getfixturevalue(who))
    sheet = load_workbook(io.BytesIO(client.get(f"{BASE}/manage/visitor-figures.xlsx").content))
    rows = list(sheet.active.iter_rows(values_only=True))
    assert rows[0] == ("City", "Month", "Origin", "Visitors", "Source")
    assert len(rows) == 1 + VisitorFigure.objects.filter(partnership__slug="batang-toyama").count()
    text = client.get(f"{BASE}/manage/visitor-figures.csv").content.decode("utf-8-sig")
    first = VisitorFigure.objects.filter(partnership__slug="batang-toyama").first()
    assert f"{first.month:%Y-%m}" in text and first.source in text
    assert client.get(f"{BASE}/manage/visitor-figures.pdf").status_code == 404


def test_outsiders_get_404_for_the_figures_export(client_for, otto):
    assert client_for(otto).get(f"{BASE}/manage/visitor-figures.csv").status_code == 404
