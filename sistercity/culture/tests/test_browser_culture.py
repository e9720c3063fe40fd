"""The public visitor's story in a real Chromium, in Japanese: browse the events, register for
a full event and land on the waitlist; the registrant who held the last place cancels by the
link in her e-mail, and the visitor is confirmed by e-mail. The event's calendar file parses
with the icalendar library and carries the event's zone; its page carries Event JSON-LD."""

import json
import re

import icalendar
import pytest
from django.core import mail

from sistercity.culture import services
from sistercity.culture.models import Event, Registration
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENT = "lokakarya-batik-rifaiyah"


def fill_the_last_place() -> str:
    """Tanaka takes the last place (through the service, as the form would); her e-mail
    carries the cancel link."""
    event = Event.objects.get(slug=EVENT)
    services.registration_submit(
        event=event, full_name="田中 由美", email="tanaka@example.jp", people=1, language="ja"
    )
    (confirmation,) = mail.outbox
    link = re.search(r"https?://\S+/registrations/\S+/", confirmation.body)
    assert link, confirmation.body
    return link.group(0)


def browse_and_join_the_waitlist(page, base):
    page.goto(f"{base}/ja/culture/")
    page.click(f"#events [data-event={EVENT}] h3 a")
    page.wait_for_url(f"**/events/{EVENT}/")
    assert page.locator("[data-test=event-title]").inner_text() == "リファイヤ・バティック工房体験"
    assert page.locator("[data-test=full]").is_visible()
    page.fill("#id_full_name", "ワティ・スサンティ")
    page.fill("#id_email", "wati@example.org")
    page.fill("#id_people", "1")
    assert page.locator("#id_language").input_value() == "ja"
    with page.expect_navigation():
        page.click("[data-test=register]")
    assert "キャンセル待ち" in page.locator(".messages li").inner_text()
    assert Registration.objects.get(email="wati@example.org").status == "waitlisted"
    assert mail.outbox[-1].to == ["wati@example.org"]
    assert "キャンセル待ち" in mail.outbox[-1].subject


def cancel_by_the_emailed_link(page, link, base):
    # SITE_URL is the configured host; the live server listens elsewhere.
    path = link.split("/", 3)[3]
    page.goto(f"{base}/{path}")
    with page.expect_navigation():
        page.click("[data-test=cancel-registration]")
    assert page.locator("[data-test=registration-status]").inner_text() == "取消済み"


def test_visitor_waits_and_is_confirmed_when_a_place_frees(live_server, page):
    load_demo()
    link = fill_the_last_place()
    browse_and_join_the_waitlist(page, live_server.url)
    mail.outbox.clear()
    cancel_by_the_emailed_link(page, link, live_server.url)
    assert Registration.objects.get(email="wati@example.org").status == "confirmed"
    promoted = next(m for m in mail.outbox if m.to == ["wati@example.org"])
    assert "確定" in promoted.body and "/ja/culture/registrations/" in promoted.body

    # The calendar file of the event, as a calendar app would fetch it.
    ics = page.request.get(f"{live_server.url}/ja/culture/batang-toyama/events/{EVENT}.ics")
    calendar = icalendar.Calendar.from_ical(ics.body())
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]

    # The page's structured data, as a search engine reads it.
    page.goto(f"{live_server.url}/ja/culture/batang-toyama/events/{EVENT}/")
    data = json.loads(page.locator("#event-jsonld").text_content() or "")
    assert data["@type"] == "Event" and data["startDate"].endswith("+07:00")
    assert data["name"] == "リファイヤ・バティック工房体験"


def test_the_registration_form_works_by_keyboard(live_server, page):
    load_demo()
    page.goto(f"{live_server.url}/en/culture/batang-toyama/events/{EVENT}/")
    page.focus("#id_full_name")
    page.keyboard.type("Keyboard User")
    page.keyboard.press("Tab")
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the language; the honeypot is not in the tab order
    assert page.evaluate("document.activeElement.dataset.test") == "register"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".messages li.success").count() == 1
    assert Registration.objects.get(email="keys@example.org").status == "confirmed"


def test_the_destination_maps_draw_without_tiles(live_server, page):
    load_demo()
    page.goto(f"{live_server.url}/id/culture/batang-toyama/destinations/")
    maps = page.locator("[data-test=map]")
    assert maps.count() == 2
    page.wait_for_selector(
        ".destination-map path[data-destination=museum-kaca-toyama]", state="attached"
    )
    assert page.locator(".destination-map path[data-destination]").count() == 10
    assert page.locator(".leaflet-tile").count() == 0  # no tile server set: points alone
