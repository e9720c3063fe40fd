"""Sari sets up a call herself, from the management page or the API: hosts, placements and
their places, questions, required documents, the rubric and the panel. Bad input changes
nothing; people who do not run the call cannot."""

import datetime as dt

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sistercity.accounts.models import Organisation
from sistercity.core.errors import SisterCityError
from sistercity.exchange import services
from sistercity.exchange.models import (
    Call,
    CallQuestion,
    Criterion,
    HostOrganisation,
    PanelMember,
    Placement,
    RequiredDocument,
    ReviewAssignment,
)
from sistercity.exchange.tests.conftest import fill
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("exchange", "accounts", "partnerships", "auditlog")


def setup_post(client, part, call, data):
    """Post one set-up form of the management page; return the response (redirects followed)
    and what it shows: the success message, or the refusals of the error summary, each of
    which is also shown beside its field inside the form (open again, typed values kept)."""
    prefixed = {f"{part}-{key}": value for key, value in data.items()}
    response = client.post(
        reverse(f"exchange:setup_{part}", args=[call.slug]), prefixed, follow=True
    )
    if response.status_code != 200:
        return response, []
    shown = [str(m) for m in response.context["messages"]]
    tree = lxml.html.fromstring(response.content)
    summary = tree.xpath('//*[@id="error-summary"]//li')
    if summary:
        assert not shown  # no banner far from the field
        shown = [li.text_content().strip() for li in summary]
        form = tree.xpath(f'//form[@data-test="setup-{part}"]')
        if form:  # people who may set up the call see the form again, open, with the reasons
            assert form[0].getparent().get("open") is not None
            beside = " ".join(
                e.text_content() for e in form[0].xpath('.//ul[contains(@class, "errorlist")]')
            )
            assert all(text.split(": ", 1)[-1] in beside for text in shown), (shown, beside)
    return response, shown


def messages_after(client, part, call, data):
    return setup_post(client, part, call, data)[1]


def host_data(demo, **overrides):
    return {
        "kind": "company",
        "city": demo.toyama.pk,
        "name": "Toyama Smart City Lab",
        "description": "Laboratorium kota cerdas Toyama.",
        "contact_email": "lab@toyama.example",
        "slug": "toyama-smart-lab",
        **overrides,
    }


def placement_data(host, **overrides):
    return {
        "host": host.pk,
        "code": "smart-city",
        "title": "Magang kota cerdas",
        "capacity": 2,
        "field_of_study": "environment",
        "starts_on": "2026-10-01",
        "ends_on": "2026-12-20",
        "requirements": "Bisa bekerja dalam tim.",
        **overrides,
    }


# --------------------------------------------------------------------------------------
# The story, through the pages
# --------------------------------------------------------------------------------------


def test_sari_sets_up_a_new_call_through_the_pages_and_it_is_usable(
    demo, partnership, sari, rina, dewi, client
):
    call = sari_creates_the_call(client, partnership, sari)
    sari_adds_a_host_and_a_placement(client, call, demo, partnership)
    sari_adds_questions_documents_rubric_and_panel(client, call, rina)
    dewi_applies_and_rina_scores(client, call, dewi, rina)


def call_data(partnership, **times):
    """The new-call form as Sari fills it in; ``times`` gives opens_at and closes_at."""
    return {
        "title": "Studi kota cerdas Toyama",
        "slug": "toyama-smart-city",
        "pillar": partnership.pillars.get(code="education").pk,
        "call_type": "internship",
        "direction": "id_jp",
        "time_zone": "Asia/Jakarta",
        "quota": 3,
        "min_language_level": "none",
        **times,
    }


def sari_creates_the_call(client, partnership, sari):
    client.force_login(sari)
    now = timezone.now()  # a day's margin either side: the zones do not matter
    response = client.post(
        reverse("exchange:call_create") + f"?partnership={partnership.slug}",
        call_data(
            partnership,
            opens_at=(now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            closes_at=(now + dt.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    call = Call.objects.get(slug="toyama-smart-city")

    return call


def sari_adds_a_host_and_a_placement(client, call, demo, partnership):
    page = client.get(reverse("exchange:manage_call", args=[call.slug])).content.decode()
    assert 'id="setup"' in page
    assert page.count("<details>") >= 6

    shown = messages_after(client, "host", call, host_data(demo))
    assert shown == [_("The host organisation was added.")]
    host = HostOrganisation.objects.get(partnership=partnership, slug="toyama-smart-lab")
    assert host.city == demo.toyama
    assert host.translations.get(language_code="id").name == "Toyama Smart City Lab"

    shown = messages_after(client, "placement", call, placement_data(host))
    assert shown == [_("The placement was added.")]
    placement = call.placements.get(code="smart-city")
    assert placement.translations.get(language_code="id").title == "Magang kota cerdas"
    assert (placement.capacity, placement.starts_on) == (2, dt.date(2026, 10, 1))

    shown = messages_after(client, "places", call, {"placement": placement.pk, "capacity": 3})
    assert shown == [_("The number of places was changed.")]
    placement.refresh_from_db()
    assert placement.capacity == 3


def sari_adds_questions_documents_rubric_and_panel(client, call, rina):
    shown = messages_after(
        client, "question", call, {"text": "Apa yang ingin Anda pelajari?", "is_required": "on"}
    )
    assert shown == [_("The question was added.")]
    shown = messages_after(
        client, "document", call, {"code": "cv", "label": "Daftar riwayat hidup"}
    )
    assert shown == [_("The required document was added.")]
    shown = messages_after(
        client,
        "criterion",
        call,
        {"code": "motivation", "name": "Motivasi", "weight": "2", "max_score": 10},
    )
    assert shown == [_("The criterion was added to the rubric.")]
    shown = messages_after(client, "panel", call, {"reviewer": rina.pk})
    assert shown == [_("The reviewer joined the panel.")]

    assert call.questions.get().translations.get(language_code="id").text.startswith("Apa")
    assert call.required_documents.get().code == "cv"
    assert call.criteria.get().weight == 2
    assert list(call.panel.values_list("user", flat=True)) == [rina.pk]
    page = client.get(reverse("exchange:manage_call", args=[call.slug])).content.decode()
    for text in ("Toyama Smart City Lab", "Apa yang ingin Anda pelajari?", "Daftar riwayat"):
        assert text in page
    client.post(reverse("exchange:publish", args=[call.slug]), {"published": "1"})


def dewi_applies_and_rina_scores(client, call, dewi, rina):
    """Usable: Dewi sees the placement, applies to it; Rina is assigned and scores."""
    client.force_login(dewi)
    assert (
        "Magang kota cerdas"
        in client.get(reverse("exchange:call", args=[call.slug])).content.decode()
    )
    response = client.post(reverse("exchange:apply", args=[call.slug]))
    application = call.applications.get(applicant=dewi)
    form_page = client.get(response.url).content.decode()
    assert "Magang kota cerdas" in form_page
    assert "Apa yang ingin Anda pelajari?" in form_page
    fill(application, choices=("smart-city",), residence=None)
    services.application_submit(actor=dewi, application=application)
    assert ReviewAssignment.objects.filter(application=application, reviewer=rina).exists()
    services.review_submit(actor=rina, application=application, scores={"motivation": 8})


def test_only_the_partnerships_reviewers_are_offered_for_the_panel(call, sari, rina, dewi, client):
    client.force_login(sari)
    page = client.get(reverse("exchange:manage_call", args=[call.slug])).content.decode()
    panel_form = page.split('data-test="setup-panel"')[1].split("</form>")[0]
    assert rina.email in panel_form
    assert dewi.email not in panel_form and sari.email not in panel_form


# --------------------------------------------------------------------------------------
# Bad input changes nothing
# --------------------------------------------------------------------------------------


def _refused(client, part, call, data, expected: str | None):
    before = db_snapshot(*APPS)
    response, shown = setup_post(client, part, call, data)
    assert response.status_code == 200
    assert db_snapshot(*APPS) == before
    assert len(shown) >= 1
    if expected is not None:
        assert expected in shown[0], shown
    return shown


def test_bad_placements_change_nothing(demo, call, sari, client):
    client.force_login(sari)
    host = HostOrganisation.objects.get(slug="toyama-fire")
    _refused(
        client,
        "placement",
        call,
        placement_data(host, capacity=-1),
        _("The number of places cannot be negative (got {value}).").format(value=-1),
    )
    # The demo call's quota (4) is taken by its placements already.
    _refused(
        client,
        "placement",
        call,
        placement_data(host, capacity=1),
        _("The placements would provide {total} places; the call's quota is {quota}.").format(
            total=5, quota=4
        ),
    )
    _refused(
        client,
        "placement",
        call,
        placement_data(host, code="fire", capacity=0),
        _("The call already has a placement “{code}”.").format(code="fire"),
    )
    _refused(client, "placement", call, placement_data(host, title="<script>x</script>"), None)
    _refused(
        client,
        "placement",
        call,
        placement_data(host, capacity=0, starts_on="2026-12-01", ends_on="2026-11-01"),
        _("The placement cannot end before it starts."),
    )
    fire = call.placements.get(code="fire")
    _refused(
        client,
        "places",
        call,
        {"placement": fire.pk, "capacity": 3},
        _("The placements would provide {total} places; the call's quota is {quota}.").format(
            total=6, quota=4
        ),
    )
    _refused(
        client,
        "places",
        call,
        {"placement": fire.pk, "capacity": -2},
        _("The number of places cannot be negative (got {value}).").format(value=-2),
    )


def test_bad_hosts_change_nothing(demo, call, sari, other_partnership, client):
    client.force_login(sari)
    kendal = Organisation.objects.get(slug="kendal")
    # A city outside the partnership is not even among the choices.
    _refused(client, "host", call, host_data(demo, city=kendal.pk), None)
    _refused(
        client,
        "host",
        call,
        host_data(demo, slug="toyama-fire"),
        _("A host with this short name exists already."),
    )
    _refused(client, "host", call, host_data(demo, name="<script>alert(1)</script>"), None)
    _refused(client, "host", call, host_data(demo, description="<b onclick=x>hi</b>"), None)
    _refused(client, "host", call, host_data(demo, contact_email="not-an-address"), None)


def test_bad_questions_documents_criteria_and_panel_change_nothing(call, sari, dewi, client):
    client.force_login(sari)
    _refused(client, "question", call, {"text": "<script>alert(1)</script>"}, None)
    _refused(client, "document", call, {"code": "cv", "label": "CV lagi"}, None)
    _refused(client, "document", call, {"code": "ok", "label": "<script>x</script>"}, None)
    _refused(
        client,
        "criterion",
        call,
        {"code": "motivation", "name": "Motivasi lagi", "weight": "1", "max_score": 10},
        _("The rubric already has this criterion."),
    )
    _refused(
        client,
        "criterion",
        call,
        {"code": "new", "name": "Baru", "weight": "0", "max_score": 10},
        _("A criterion's weight must be above zero."),
    )
    _refused(
        client,
        "criterion",
        call,
        {"code": "x", "name": "<script>x</script>", "weight": "1", "max_score": 10},
        None,
    )
    # Rina is on the demo panel already; Dewi is no reviewer (not among the choices).
    rina = call.panel.get().user
    _refused(
        client, "panel", call, {"reviewer": rina.pk}, _("This reviewer is already on the panel.")
    )
    _refused(client, "panel", call, {"reviewer": dewi.pk}, None)


def test_services_refuse_markup_in_translated_texts(demo, call, sari, partnership):
    """The services check the content fields themselves (parler leaves them out of
    full_clean), whatever the caller validated before."""
    before = db_snapshot(*APPS)
    host = HostOrganisation.objects.get(slug="toyama-fire")
    attempts = [
        lambda: services.question_add(
            actor=sari, call=call, texts={"id": "<script>alert(1)</script>"}
        ),
        lambda: services.required_document_add(
            actor=sari, call=call, code="x", texts={"ja": "<script>x</script>"}
        ),
        lambda: services.criterion_add(
            actor=sari, call=call, code="x", texts={"en": "<img src=x>"}, weight=1
        ),
        lambda: services.host_create(
            actor=sari,
            partnership=partnership,
            slug="x",
            kind="company",
            city=demo.toyama,
            name="<script>x</script>",
        ),
        lambda: services.placement_create(
            actor=sari,
            call=call,
            host=host,
            code="x",
            capacity=0,
            title="Judul",
            requirements="<script>x</script>",
        ),
    ]
    for attempt in attempts:
        with pytest.raises(SisterCityError) as refused:
            attempt()
        assert refused.value.code == "invalid"
    assert db_snapshot(*APPS) == before


# --------------------------------------------------------------------------------------
# Who may: only the partnership's secretariat and partner officer
# --------------------------------------------------------------------------------------

SETUP_PARTS = ["host", "placement", "places", "question", "document", "criterion", "panel"]


def _valid_data(part, demo, call, rina):
    host = HostOrganisation.objects.get(slug="toyama-fire")
    return {
        "host": host_data(demo),
        "placement": placement_data(host, capacity=0),
        "places": {"placement": call.placements.get(code="fire").pk, "capacity": 1},
        "question": {"text": "Pertanyaan baru?"},
        "document": {"code": "ktp", "label": "KTP"},
        "criterion": {"code": "new", "name": "Baru", "weight": "1", "max_score": 10},
        "panel": {"reviewer": rina.pk},
    }[part]


@pytest.mark.parametrize("persona", ["rina", "dewi", "otto", "budi"])
@pytest.mark.parametrize("part", SETUP_PARTS)
def test_others_cannot_set_up_the_call_page(persona, part, demo, call, rina, otto, client):
    users = {**demo.users, "otto": otto}
    client.force_login(users[persona])
    data = {f"{part}-{k}": v for k, v in _valid_data(part, demo, call, rina).items()}
    before = db_snapshot(*APPS)
    response = client.post(reverse(f"exchange:setup_{part}", args=[call.slug]), data)
    assert response.status_code == 404
    assert db_snapshot(*APPS) == before


@pytest.mark.parametrize("part", SETUP_PARTS)
def test_the_observer_has_no_workspace_and_cannot_set_up(part, demo, call, observer, rina, client):
    # The workspace lists applicants by name: not for the ministry observer, who reads the
    # call's figures on its page instead.
    client.force_login(observer)
    assert client.get(reverse("exchange:manage_call", args=[call.slug])).status_code == 404
    before = db_snapshot(*APPS)
    data = {f"{part}-{k}": v for k, v in _valid_data(part, demo, call, rina).items()}
    response = client.post(reverse(f"exchange:setup_{part}", args=[call.slug]), data)
    assert response.status_code == 404
    assert db_snapshot(*APPS) == before


def test_the_partner_officer_sets_up_in_japanese(demo, call, yamada, client):
    client.force_login(yamada)
    url = reverse("exchange:setup_question", args=[call.slug]).replace("/id/", "/ja/", 1)
    client.post(url, {"question-text": "富山で何を学びたいですか？", "question-is_required": "on"})
    question = call.questions.order_by("-position").first()
    assert question.translations.get().language_code == "ja"
    assert question.translations.get().text == "富山で何を学びたいですか？"


# --------------------------------------------------------------------------------------
# The API: the same services, the same checks
# --------------------------------------------------------------------------------------


def api_post(client, name, data, *args, language="id"):
    return client.post(
        reverse(name, args=args),
        data,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_api_sets_up_a_call(demo, partnership, call, sari, yamada, client):
    client.force_login(sari)
    created = api_post(
        client,
        "api:exchange-host-list",
        {
            "partnership": partnership.slug,
            "slug": "toyama-smart-lab",
            "kind": "company",
            "city": demo.toyama.slug,
            "name": "Toyama Smart City Lab",
            "contact_email": "lab@toyama.example",
        },
    )
    assert created.status_code == 201, created.json()
    assert created.json()["city"] == demo.toyama.slug
    host = HostOrganisation.objects.get(pk=created.json()["id"])
    listed = client.get(reverse("api:exchange-host-list"), {"partnership": partnership.slug})
    assert "toyama-smart-lab" in [h["slug"] for h in listed.json()["results"]]

    # Room in the quota for the new placement.
    fire = call.placements.get(code="fire")
    response = api_post(client, "api:exchange-placement-capacity", {"capacity": 0}, fire.pk)
    assert response.status_code == 200 and response.json()["capacity"] == 0
    response = api_post(
        client,
        "api:exchange-call-placements",
        {"host": host.slug, "code": "smart-city", "capacity": 1, "title": "Magang kota cerdas"},
        call.slug,
    )
    assert response.status_code == 201, response.json()
    assert response.json()["code"] == "smart-city"
    assert call.placements.get(code="smart-city").translations.get().language_code == "id"

    response = api_post(
        client,
        "api:exchange-call-questions",
        {"text": "富山で何を学びたいですか？"},
        call.slug,
        language="ja",
    )
    assert response.status_code == 201 and response.json()["is_required"] is True
    question = CallQuestion.objects.get(pk=response.json()["id"])
    assert question.translations.get().language_code == "ja"
    response = api_post(
        client,
        "api:exchange-call-required-documents",
        {"code": "ktp", "label": "KTP"},
        call.slug,
    )
    assert response.status_code == 201 and response.json()["code"] == "ktp"
    assert RequiredDocument.objects.filter(call=call, code="ktp").exists()
    response = api_post(
        client,
        "api:exchange-call-criteria",
        {"code": "teamwork", "name": "Kerja sama", "weight": "1.5"},
        call.slug,
    )
    assert response.status_code == 201 and response.json()["weight"] == "1.50"
    assert Criterion.objects.get(call=call, code="teamwork").max_score == 10

    PanelMember.objects.filter(call=call).delete()
    rina = demo.users["rina"]
    response = api_post(client, "api:exchange-call-panel", {"reviewer": rina.email}, call.slug)
    assert response.status_code == 201 and response.json()["reviewer"] == rina.email
    assert call.panel.filter(user=rina).exists()

    public = client.get(reverse("api:exchange-call-detail", args=[call.slug])).json()
    assert "smart-city" in [p["code"] for p in public["placements"]]


def _api_refused(client, name, data, *args, status=400, code=None, detail=None):
    before = db_snapshot(*APPS)
    response = api_post(client, name, data, *args)
    assert response.status_code == status, response.content
    assert db_snapshot(*APPS) == before
    if code is not None:
        assert response.json()["code"] == code
    if detail is not None:
        assert response.json()["detail"] == detail
    return response


def test_api_bad_input_changes_nothing(
    demo, partnership, call, sari, dewi, other_partnership, client
):
    client.force_login(sari)
    host = {
        "partnership": partnership.slug,
        "slug": "toyama-smart-lab",
        "kind": "company",
        "city": demo.toyama.slug,
        "name": "Toyama Smart City Lab",
    }
    hosts = "api:exchange-host-list"
    _api_refused(
        client,
        hosts,
        {**host, "city": "kendal"},
        code="city",
        detail=_("The host must be in one of the partnership's municipalities."),
    )
    _api_refused(client, hosts, {**host, "city": "nowhere"}, code="city")
    _api_refused(client, hosts, {**host, "slug": "toyama-fire"}, code="duplicate")
    _api_refused(client, hosts, {**host, "name": "<script>alert(1)</script>"})
    _api_refused(client, hosts, {**host, "kind": "castle"})

    placement = {"host": "toyama-fire", "code": "fire-2", "capacity": 0, "title": "Magang"}
    placements = "api:exchange-call-placements"
    _api_refused(
        client,
        placements,
        {**placement, "capacity": -1},
        call.slug,
        code="negative_capacity",
        detail=_("The number of places cannot be negative (got {value}).").format(value=-1),
    )
    _api_refused(client, placements, {**placement, "capacity": 1}, call.slug, code="over_quota")
    _api_refused(client, placements, {**placement, "code": "fire"}, call.slug, code="duplicate")
    _api_refused(client, placements, {**placement, "host": "nobody"}, call.slug, code="host")
    _api_refused(client, placements, {**placement, "title": "<script>x</script>"}, call.slug)
    fire = call.placements.get(code="fire")
    _api_refused(
        client,
        "api:exchange-placement-capacity",
        {"capacity": -3},
        fire.pk,
        code="negative_capacity",
    )

    panel = "api:exchange-call-panel"
    rina = demo.users["rina"]
    _api_refused(client, panel, {"reviewer": rina.email}, call.slug, code="duplicate")
    _api_refused(client, panel, {"reviewer": dewi.email}, call.slug, code="not_reviewer")
    _api_refused(client, panel, {"reviewer": "nobody@nowhere.example"}, call.slug, code="reviewer")
    _api_refused(
        client,
        "api:exchange-call-criteria",
        {"code": "motivation", "name": "Motivasi", "weight": "1"},
        call.slug,
        code="duplicate",
    )
    _api_refused(client, "api:exchange-call-questions", {"text": "<script>x</script>"}, call.slug)


# persona -> (hosts, placements, panel)
API_MATRIX = {
    "rina": (404, 403, 403),  # on the demo panel: she sees the call, does not run it
    "dewi": (404, 404, 404),
    "otto": (404, 404, 404),
    "budi": (403, 403, 403),  # agency officer: sees the partnership, does not run it
    "observer": (403, 403, 403),
}


@pytest.mark.parametrize("persona", API_MATRIX)
def test_api_others_cannot_set_up(persona, demo, partnership, call, otto, client):
    users = {**demo.users, "otto": otto}
    client.force_login(users[persona])
    rina = demo.users["rina"]
    requests = [
        (
            "api:exchange-host-list",
            {
                "partnership": partnership.slug,
                "slug": "toyama-smart-lab",
                "kind": "company",
                "city": demo.toyama.slug,
                "name": "Lab",
            },
            (),
        ),
        (
            "api:exchange-call-placements",
            {"host": "toyama-fire", "code": "x", "capacity": 0, "title": "X"},
            (call.slug,),
        ),
        ("api:exchange-call-panel", {"reviewer": rina.email}, (call.slug,)),
    ]
    before = db_snapshot(*APPS)
    got = []
    for name, data, args in requests:
        response = api_post(client, name, data, *args)
        got.append(response.status_code)
        if response.status_code == 403:
            assert response.json()["code"] == "forbidden"
    assert tuple(got) == API_MATRIX[persona]
    assert db_snapshot(*APPS) == before
    assert not Placement.objects.filter(code="x").exists()


def test_a_refused_new_call_is_shown_at_its_field_with_the_typed_values(partnership, sari, client):
    client.force_login(sari)
    url = (
        reverse("exchange:call_create").replace("/id/", "/en/") + f"?partnership={partnership.slug}"
    )
    before = db_snapshot(*APPS)
    response = client.post(
        url, call_data(partnership, opens_at="2027-03-01T09:00", closes_at="2027-02-01T09:00")
    )
    assert response.status_code == 200
    assert db_snapshot(*APPS) == before
    tree = lxml.html.fromstring(response.content)
    field = tree.get_element_by_id("id_closes_at")
    assert field.get("aria-invalid") == "true"
    assert "close after it opens" in field.getparent().getprevious().text_content()
    summary = tree.get_element_by_id("error-summary").xpath('.//a[@href="#id_closes_at"]')
    assert summary and "close after it opens" in summary[0].text_content()
    assert tree.get_element_by_id("id_title").get("value") == "Studi kota cerdas Toyama"
    assert not tree.xpath('//ul[@class="messages"]')


def test_a_refused_placement_is_marked_at_its_places(demo, call, sari, client):
    client.force_login(sari)
    host = HostOrganisation.objects.get(slug="toyama-fire")
    url = reverse("exchange:setup_placement", args=[call.slug]).replace("/id/", "/en/")
    data = {f"placement-{k}": v for k, v in placement_data(host, capacity=-1).items()}
    tree = lxml.html.fromstring(client.post(url, data).content)
    field = tree.get_element_by_id("id_placement-capacity")
    assert field.get("aria-invalid") == "true" and field.get("value") == "-1"
    assert "cannot be negative" in field.getparent().getprevious().text_content()
    assert tree.xpath('//a[@href="#id_placement-capacity"]')
