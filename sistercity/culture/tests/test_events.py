"""Writing events: who may, what is refused (nothing saved), revisions for calendars, the
waitlist moving up when capacity grows, images judged by their content."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.http import Http404

from sistercity.core.errors import SisterCityError
from sistercity.core.models import Pillar
from sistercity.culture import services
from sistercity.culture.models import Event
from sistercity.testing import db_snapshot, exe_as_pdf, png_upload

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def new_event(actor, partnership, demo, **overrides):
    start = dt.datetime(2027, 3, 1, 10, tzinfo=WIB)
    values = dict(
        actor=actor,
        partnership=partnership,
        language="id",
        slug="malam-budaya",
        kind="arts",
        city=demo.batang,
        organiser=demo.batang,
        pillar=Pillar.objects.get(code="culture"),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        time_zone="Asia/Jakarta",
        title="Malam Budaya",
        venue="Alun-alun Batang",
        capacity=50,
    )
    values.update(overrides)
    return services.event_create(**values)


@pytest.mark.parametrize("who", ["sari", "yamada", "ayu"])
def test_organisers_create_events(who, request, partnership, demo):
    actor = request.getfixturevalue(who)
    event = new_event(actor, partnership, demo)
    assert event.uid and event.sequence == 0
    assert str(event) == "Malam Budaya"


@pytest.mark.parametrize("who", ["budi", "observer"])
def test_members_without_the_culture_pillar_may_not(who, request, partnership, demo):
    actor = request.getfixturevalue(who)
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        new_event(actor, partnership, demo)
    assert error.value.status == 403
    assert db_snapshot("culture") == before


def test_outsiders_get_404(otto, partnership, demo):
    with pytest.raises(Http404):
        new_event(otto, partnership, demo)


def test_a_dupe_slug_is_refused(sari, partnership, demo):
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        new_event(sari, partnership, demo, slug="lokakarya-batik-rifaiyah")
    assert error.value.code == "slug_taken"
    assert db_snapshot("culture") == before


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        (
            {"ends_at": dt.datetime(2027, 3, 1, 9, tzinfo=WIB)},
            "end_before_start",
            "end after it starts",
        ),
        ({"time_zone": "Europe/Paris"}, "zone", "WIB or JST"),
        ({"venue": "", "online_url": ""}, "venue", "venue"),
        ({"title": "<b>x</b>"}, "invalid", "markup"),
    ],
)
def test_bad_events_are_refused_and_nothing_is_saved(
    sari, partnership, demo, overrides, code, message
):
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        new_event(sari, partnership, demo, **overrides)
    assert error.value.code == code
    assert message in str(error.value)
    assert db_snapshot("culture") == before


def test_a_city_outside_the_partnership_is_refused(sari, partnership, demo, other_partnership):
    kendal = other_partnership.municipalities.get(slug="kendal")
    with pytest.raises(SisterCityError) as error:
        new_event(sari, partnership, demo, city=kendal)
    assert error.value.code == "city"


def test_capacity_cannot_drop_below_the_places_taken(sari, batik):
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        services.event_update(actor=sari, event=batik, language="id", capacity=2)
    assert error.value.code == "capacity_below_taken"
    assert "3" in str(error.value)
    assert db_snapshot("culture") == before


def test_more_capacity_moves_the_waitlist_up(sari, glass):
    waiting = glass.registrations.get(status="waitlisted")
    services.event_update(actor=sari, event=glass, language="id", capacity=3)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert mail.outbox[-1].to == [waiting.email]


def test_a_new_time_is_a_revision_a_new_description_is_not(sari, batik):
    services.event_update(actor=sari, event=batik, language="id", description="Lebih lengkap")
    batik.refresh_from_db()
    assert batik.sequence == 0
    later = batik.starts_at + dt.timedelta(hours=1)
    services.event_update(
        actor=sari, event=batik, language="id", starts_at=later, ends_at=batik.ends_at
    )
    batik.refresh_from_db()
    assert batik.sequence == 1 and batik.starts_at == later


def test_cancelling_an_event_keeps_it_and_tells_its_registrants(sari, batik):
    uid = batik.uid
    services.event_set_status(actor=sari, event=batik, status="cancelled")
    event = Event.objects.get(pk=batik.pk)
    assert event.status == "cancelled" and event.uid == uid and event.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["bambang@example.org", "siti@example.org"]
    assert "Dibatalkan" in mail.outbox[0].subject


def test_the_waitlisted_hear_of_a_postponement_and_do_not_move_up(sari, glass):
    services.event_set_status(actor=sari, event=glass, status="postponed")
    assert "rahmat@example.org" in {m.to[0] for m in mail.outbox}
    assert "Ditunda" in mail.outbox[0].subject
    confirmed = glass.registrations.filter(status="confirmed").first()
    services.registration_cancel(token=confirmed.token)
    assert glass.registrations.get(email="rahmat@example.org").status == "waitlisted"


def test_attendance_is_recorded(ayu, batik):
    services.event_record_attendance(actor=ayu, event=batik, attendance=42)
    batik.refresh_from_db()
    assert batik.attendance == 42


def test_an_image_needs_alt_text_and_must_be_an_image(sari, batik):
    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        services.event_add_image(
            actor=sari, event=batik, image=png_upload(), alt_text=" ", language="id"
        )
    assert error.value.code == "alt"
    with pytest.raises(SisterCityError) as error:
        services.event_add_image(
            actor=sari, event=batik, image=exe_as_pdf(), alt_text="Batik", language="id"
        )
    assert error.value.code == "file_type"
    assert db_snapshot("culture") == before
    image = services.event_add_image(
        actor=sari, event=batik, image=png_upload(), alt_text="Perajin batik", language="id"
    )
    assert image.content_type == "image/png" and image.image.name.endswith(".png")


def test_a_pdf_is_not_an_event_image(sari, batik):
    from sistercity.testing import pdf_upload

    with pytest.raises(SisterCityError) as error:
        services.event_add_image(
            actor=sari, event=batik, image=pdf_upload(), alt_text="Batik", language="id"
        )
    assert error.value.code == "not_image"


def test_coordinates_outside_the_globe_are_refused(sari, partnership, demo):
    from decimal import Decimal

    before = db_snapshot("culture")
    with pytest.raises(SisterCityError) as error:
        services.destination_create(
            actor=sari,
            partnership=partnership,
            language="id",
            slug="nowhere",
            city=demo.batang,
            category="beach",
            latitude=Decimal("95"),
            longitude=Decimal("109.7"),
            name="Nowhere",
        )
    assert error.value.code == "coordinates"
    assert db_snapshot("culture") == before
