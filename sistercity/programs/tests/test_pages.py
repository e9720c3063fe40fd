"""Programme pages, dashboard, accountability: content, permissions, query counts."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sistercity.core.models import Pillar
from sistercity.partnerships.health import health_of
from sistercity.programs import services
from sistercity.programs.models import Programme
from sistercity.testing import sector_registered, template_dir

pytestmark = pytest.mark.django_db


def test_dashboard_shows_progress_spending_and_what_needs_attention(partnership, sari, client):
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{partnership.slug}/results/").content.decode()
    assert 'data-test="pillar-environment"' in page
    assert "Send the LoI" not in page  # action items are shown as written
    assert "Kirim draf LoI ke Toyama" in page  # overdue since 15 Nov 2026 in the demo
    assert "Households sorting their waste" in page  # pending approval
    assert "<svg" in page and "cdn" not in page.lower()


def test_public_accountability_shows_only_public_programmes(partnership, client):
    page = client.get(f"/ja/accountability/{partnership.slug}/").content.decode()
    assert "ごみ分別・TPS3Rモデル事業" in page
    assert "中小零細企業の日本市場対応研修" not in page  # not marked public


def test_accountability_needs_a_public_partnership(other_partnership, client):
    assert client.get("/en/accountability/kendal-kitakyushu/").status_code == 404


@pytest.mark.parametrize(
    "persona, status",
    [("sari", 200), ("budi", 200), ("observer", 200), ("dewi", 404), ("rina", 404)],
)
def test_programme_pages_follow_the_partnership_permissions(demo, client, persona, status):
    client.force_login(demo.users[persona])
    for url in (
        reverse("programs:dashboard", args=["batang-toyama"]),
        reverse("programs:list", args=["batang-toyama"]),
        reverse("programs:detail", args=["batang-toyama", "waste-sorting-pilot"]),
        reverse("programs:meetings", args=["batang-toyama"]),
        reverse("programs:clauses", args=["batang-toyama"]),
    ):
        assert client.get(url).status_code == status, url


def test_outsider_gets_404_everywhere(demo, otto, client):
    client.force_login(otto)
    assert client.get(reverse("programs:dashboard", args=["batang-toyama"])).status_code == 404
    assert client.get("/api/programmes/").json()["results"] == []
    assert client.get("/api/results-dashboard/batang-toyama/").status_code == 404


def test_clause_to_indicator_navigation(partnership, sari, client):
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{partnership.slug}/clauses/").content.decode()
    assert "Waste-sorting pilot with TPS3R units" in page
    assert "Landfill diversion rate" in page
    detail = client.get(
        f"/en/partnerships/{partnership.slug}/programmes/waste-sorting-pilot/"
    ).content.decode()
    assert "Pasal 2" in detail  # and back from the programme to its clause


def test_joint_meetings_and_overdue_action_items_feed_health(partnership, sari):
    health = health_of(partnership, today=dt.date(2026, 11, 27))
    assert health.last_activity == dt.date(2026, 10, 15)
    assert health.overdue == 1  # "Kirim draf LoI ke Toyama", due 15 Nov
    services.meeting_create(
        actor=sari,
        partnership=partnership,
        kind="visit",
        held_on=dt.date(2026, 11, 20),
        title="Kunjungan",
        language="id",
    )
    assert health_of(partnership, today=dt.date(2026, 11, 27)).last_activity == dt.date(
        2026, 11, 20
    )


def test_spending_converts_to_idr_and_gives_cofunding(partnership):
    from sistercity.programs.selectors import spending

    total, per_programme = spending(partnership)
    # 750M + 8M JPY×105.2 + 250M + 12M×105.2 + 3M×105.2 + 150M
    assert total.budget_idr == D("750000000") + D("250000000") + D("150000000") + D("23000000") * D(
        "105.2"
    )
    assert round(sum(total.cofunding.values())) == 100
    assert total.cofunding["JP"] > 0


def _grow(partnership, sari, count, start):
    pillar = Pillar.objects.get(code="culture")
    for i in range(start, start + count):
        programme = services.programme_create(
            actor=sari,
            partnership=partnership,
            pillar=pillar,
            code=f"extra-{i}",
            title=f"P{i}",
            language="id",
            is_public=True,
        )
        result = services.result_create(
            actor=sari, programme=programme, result_type="1", title="R", language="id"
        )
        indicator = services.indicator_create(
            actor=sari, result=result, code=f"ind-{i}", title="I", language="id", measure="1"
        )
        services.period_create(
            actor=sari,
            indicator=indicator,
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 12, 31),
            target_value=D(10),
        )
        services.budget_line_add(
            actor=sari,
            programme=programme,
            source="apbd",
            side="ID",
            year=2026,
            amount=D(1000),
            currency="JPY",
        )


@pytest.mark.parametrize("name", ["dashboard", "list", "accountability"])
def test_query_count_does_not_grow_with_programmes(partnership, sari, client, name):
    client.force_login(sari)
    url = reverse(f"programs:{name}", args=[partnership.slug])
    _grow(partnership, sari, 1, 0)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(partnership, sari, 12, 1)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    assert Programme.objects.filter(partnership=partnership).count() > 13


def test_secretariat_adds_a_clause_and_an_item_through_the_page(partnership, sari, client):
    from sistercity.programs.models import ActionPlanItem, Clause

    client.force_login(sari)
    url = reverse("programs:clauses", args=[partnership.slug])
    client.post(url, {"form": "clause", "number": "Pasal 6", "text": "Budaya dan pariwisata"})
    clause = Clause.objects.get(partnership=partnership, number="Pasal 6")
    client.post(
        url,
        {
            "form": "item",
            "clause": clause.pk,
            "code": "rap-6-festival",
            "title": "Festival budaya bersama",
        },
    )
    assert ActionPlanItem.objects.get(code="rap-6-festival").clause == clause


def test_agency_officer_cannot_add_clauses(partnership, budi, client):
    from sistercity.programs.models import Clause

    client.force_login(budi)
    before = Clause.objects.count()
    client.post(
        reverse("programs:clauses", args=[partnership.slug]),
        {"form": "clause", "number": "Pasal 9", "text": "x"},
    )
    assert Clause.objects.count() == before


def test_dashboard_shows_the_waste_plan_against_the_actual(partnership, sari, client):
    """The demo's Toyama-style scenario plans the landfill diversion rate indicator."""
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{partnership.slug}/results/").content.decode()
    assert 'id="planned-vs-actual"' in page
    assert (
        "Landfill diversion rate" in page.split('id="planned-vs-actual"')[1].split("</section>")[0]
    )


def test_budi_adds_a_participant_a_location_and_a_disaggregated_update(partnership, budi, client):
    from sistercity.programs.models import Activity, Indicator

    client.force_login(budi)
    url = f"/en/partnerships/{partnership.slug}/programmes/waste-sorting-pilot/"
    activity = Activity.objects.get(code="waste-bank-training")
    toyama = partnership.municipalities.get(country="JP")
    client.post(
        url,
        {"form": "participant", "activity": activity.pk, "organisation": toyama.pk, "role": "4"},
    )
    client.post(
        url,
        {
            "form": "location",
            "activity": activity.pk,
            "name": "Desa Kalisalak",
            "admin_level": "desa",
            "latitude": "-6.95",
            "longitude": "109.75",
        },
    )
    assert activity.participants.get().organisation == toyama
    assert activity.locations.get().name == "Desa Kalisalak"
    period = Indicator.objects.get(code="households-sorting").periods.get(start="2026-10-01")
    client.post(
        url,
        {
            "form": "update",
            "period": period.pk,
            "value": "60",
            "submit": "on",
            "dis_kecamatan": "Batang=40; Kandeman=20",
        },
    )
    update = period.updates.latest("pk")
    assert update.disaggregation == {"kecamatan": {"Batang": "40", "Kandeman": "20"}}


def test_bad_coordinates_and_bad_disaggregation_change_nothing(partnership, budi, client):
    from sistercity.programs.models import Activity, Indicator
    from sistercity.testing import db_snapshot

    client.force_login(budi)
    url = f"/en/partnerships/{partnership.slug}/programmes/waste-sorting-pilot/"
    activity = Activity.objects.get(code="waste-bank-training")
    period = Indicator.objects.get(code="households-sorting").periods.get(start="2026-10-01")
    before = db_snapshot("programs", "auditlog")
    page = client.post(
        url,
        {
            "form": "location",
            "activity": activity.pk,
            "name": "X",
            "latitude": "-120",
            "longitude": "109",
        },
        follow=True,
    )
    assert "Latitude must lie between" in page.content.decode()
    page = client.post(
        url,
        {
            "form": "update",
            "period": period.pk,
            "value": "60",
            "submit": "on",
            "dis_kecamatan": "Batang=banyak",
        },
        follow=True,
    )
    assert "Enter a number" in page.content.decode()
    assert db_snapshot("programs", "auditlog") == before


def test_meeting_records_its_participants(partnership, sari, yamada, client):
    from sistercity.programs.models import Meeting

    client.force_login(sari)
    client.post(
        f"/en/partnerships/{partnership.slug}/meetings/",
        {
            "kind": "visit",
            "held_on": "2026-11-25",
            "title": "Toyama delegation visit",
            "participants": [sari.pk, yamada.pk],
            "is_joint": "on",
        },
    )
    meeting = Meeting.objects.get(translations__title="Toyama delegation visit")
    assert set(meeting.participants.all()) == {sari, yamada}


@pytest.fixture
def sector_panels(settings, tmp_path):
    """Two dashboard panels of a sector, registered for one test: one with something to show,
    one without. The registry and the template settings are restored after."""
    from sistercity.core.registry import Panel, Sector

    template_dir(
        settings,
        tmp_path,
        **{
            "panel_test.html": '<section id="panel-test">{{ panel.visitors }} visitors in '
            "{{ partnership.slug }}</section>"
        },
    )
    panels = [
        Panel("panel_test.html", lambda request, p: {"visitors": 1200}),
        Panel("missing.html", lambda request, p: None),  # nothing to show: not included
    ]
    with sector_registered(Sector(app_label="culture_test", dashboard_panels=panels)):
        yield


def test_dashboard_shows_the_sectors_panels(partnership, sari, client, sector_panels):
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{partnership.slug}/results/").content.decode()
    assert '<section id="panel-test">1200 visitors in batang-toyama</section>' in page


def test_every_form_of_the_programme_page_reaches_its_service(partnership, budi, sari, client):
    from sistercity.programs.models import Activity, BudgetLine, Indicator, Result, Transaction

    url = f"/en/partnerships/{partnership.slug}/programmes/waste-sorting-pilot/"
    client.force_login(budi)

    def post(data, message):
        page = client.post(url, data, follow=True).content.decode()
        assert message in page, data["form"]

    post(
        {"form": "activity", "code": "compost", "title": "Compost", "status": "1"},
        "The activity was added.",
    )
    assert Activity.objects.get(code="compost").programme.code == "waste-sorting-pilot"
    post(
        {"form": "result", "result_type": "1", "title": "Compost", "status": "not_started"},
        "The result was added.",
    )
    result = Result.objects.get(translations__title="Compost")
    post(
        {
            "form": "indicator",
            "result": result.pk,
            "code": "compost-t",
            "title": "T",
            "measure": "1",
        },
        "The indicator was added.",
    )
    indicator = Indicator.objects.get(code="compost-t")
    assert indicator.feed == "" and indicator.translations.get().language_code == "en"
    post(
        {"form": "period", "indicator": indicator.pk, "start": "2026-01-01", "end": "2026-12-31"},
        "The period was added.",
    )
    period = indicator.periods.get()
    post(
        {"form": "update", "period": period.pk, "value": "3", "submit": "on"},
        "The update was saved.",
    )
    money = {"source": "apbd", "side": "ID", "amount": "1000", "currency": "IDR"}
    post({"form": "budget", "year": "2026", **money}, "The budget line was added.")
    post(
        {"form": "transaction", "kind": "3", "on": "2026-11-01", **money},
        "The transaction was recorded.",
    )
    assert BudgetLine.objects.filter(programme__code="waste-sorting-pilot", amount=1000).exists()
    assert Transaction.objects.filter(programme__code="waste-sorting-pilot", amount=1000).exists()
    post({"form": "bogus"}, "Unknown action.")

    client.force_login(sari)
    update = period.updates.get()
    post({"form": "review", "update": update.pk, "decision": "return"}, "Say what needs to change")
    post(
        {"form": "review", "update": update.pk, "decision": "return", "comment": "Sumber?"},
        "The update was returned to its author.",
    )
    update.refresh_from_db()
    assert (update.status, update.review_comment) == ("returned", "Sumber?")


def test_action_items_are_added_by_the_secretariat_and_closed_by_their_owner(
    partnership, sari, budi, client
):
    from sistercity.programs.models import ActionItem, Meeting

    meeting = Meeting.objects.filter(partnership=partnership).first()
    url = f"/en/partnerships/{partnership.slug}/meetings/{meeting.pk}/"
    client.force_login(sari)
    page = client.post(url, {"description": "Book the hall", "due_on": "2027-01-10"}, follow=True)
    assert "The action item was added." in page.content.decode()
    item = ActionItem.objects.get(description="Book the hall")
    assert item.owner == sari

    client.force_login(budi)  # neither its owner nor able to change the partnership
    page = client.post(url, {"item": item.pk, "status": "done"}, follow=True).content.decode()
    assert "Your role does not allow this action on this partnership." in page
    item.refresh_from_db()
    assert item.status == "open"
    assert client.post(url, {"item": 999999, "status": "done"}).status_code == 404

    client.force_login(sari)
    page = client.post(url, {"item": item.pk, "status": "done"}, follow=True).content.decode()
    assert "The action item was updated." in page
    item.refresh_from_db()
    assert item.status == "done"
