"""The investment office keeps what Batang offers on its pages: incentives (with legal source,
how far that source is known, and validity), sectors sought, projects open to partners and
technology-transfer projects are added and changed there. A refusal stays on the form beside
its field, in the user's language, and nothing is saved; only the pipeline's people may."""

import pytest
from django.urls import reverse

from sistercity.investment.models import (
    Incentive,
    PartnerProject,
    TargetSector,
    TechTransferProject,
)
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("investment", "auditlog")


def url(name, partnership, *args, language="id"):
    return reverse(f"investment:{name}", args=[partnership.slug, *args]).replace(
        "/id/", f"/{language}/", 1
    )


INCENTIVE = {
    "code": "regent-fee-relief",
    "name": "Keringanan retribusi daerah",
    "kind": "local",
    "legal_source": "Perbup Batang (draft)",
    "source_url": "",
    "source_status": "press",
    "source_note": "Diumumkan di media; teks belum ada.",
    "valid_from": "2026-01-01",
    "valid_until": "",
    "summary": "Keringanan retribusi PBG bagi investor baru.",
}


def test_the_workspace_links_to_every_form(client_for, andi, partnership):
    page = client_for(andi).get(url("opportunities", partnership)).content.decode()
    for name, args in (
        ("incentive_new", ()),
        ("incentive_edit", ("kek-batang",)),
        ("sector_new", ()),
        ("sector_edit", ("recycling",)),
        ("project_new", ()),
        ("project_edit", ("pltsa-batang",)),
    ):
        assert url(name, partnership, *args) in page, name
    tech = client_for(andi).get(url("tech", partnership)).content.decode()
    assert url("tech_new", partnership) in tech
    detail = client_for(andi).get(url("tech_project", partnership, "pet-recycling-line"))
    assert url("tech_edit", partnership, "pet-recycling-line") in detail.content.decode()


def test_an_incentive_is_added_with_its_source_and_changed(client_for, andi, partnership):
    client = client_for(andi)
    response = client.post(url("incentive_new", partnership), INCENTIVE)
    assert response.status_code == 302
    incentive = Incentive.objects.get(partnership=partnership, code="regent-fee-relief")
    assert incentive.source_status == "press" and not incentive.verified
    page = client.get(f"/id/investment/{partnership.slug}/prospectus/").content.decode()
    assert "Keringanan retribusi daerah" in page and 'data-source="press"' in page
    changed = {**INCENTIVE, "source_status": "checked", "legal_source": "Perbup Batang 5/2026"}
    changed.pop("code")
    assert (
        client.post(url("incentive_edit", partnership, incentive.code), changed).status_code == 302
    )
    incentive.refresh_from_db()
    assert incentive.verified and incentive.legal_source == "Perbup Batang 5/2026"


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"valid_until": "2025-12-31"}, None, "berakhir sebelum"),
        ({"code": "kek-batang"}, "code", "kek-batang"),
        ({"code": "new"}, "code", "new"),
        ({"name": "<b>x</b>"}, "name", ""),
        ({"source_status": "rumour"}, "source_status", ""),
    ],
)
def test_a_bad_incentive_is_refused_beside_its_field(
    client_for, andi, partnership, changes, field, words
):
    before = db_snapshot(*APPS)
    response = client_for(andi).post(url("incentive_new", partnership), {**INCENTIVE, **changes})
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors, form.errors
    assert words in " ".join(errors)
    assert 'id="error-summary"' in response.content.decode()
    assert db_snapshot(*APPS) == before


def test_a_sector_is_added_and_changed_in_japanese(client_for, andi, partnership):
    client = client_for(andi)
    data = {"code": "ev-parts", "name": "電気自動車部品", "kbli": "29300", "position": "5"}
    assert client.post(url("sector_new", partnership, language="ja"), data).status_code == 302
    sector = TargetSector.objects.get(partnership=partnership, code="ev-parts")
    sector.set_current_language("ja")
    assert sector.name == "電気自動車部品"
    before = db_snapshot(*APPS)
    bad = client.post(
        url("sector_edit", partnership, "ev-parts", language="ja"), {**data, "kbli": "29-3"}
    )
    assert "KBLI" in " ".join(bad.context["form"].errors["kbli"])
    assert "errorlist" in bad.content.decode()
    assert db_snapshot(*APPS) == before
    edit = url("sector_edit", partnership, "ev-parts", language="ja")
    assert client.post(edit, {**data, "name": "EV部品"}).status_code == 302
    sector = TargetSector.objects.get(pk=sector.pk)
    sector.set_current_language("ja")
    assert sector.name == "EV部品"


def test_a_project_open_to_partners_leaves_the_prospectus_once_partnered(
    client, client_for, andi, partnership
):
    project = PartnerProject.objects.get(partnership=partnership, code="pltsa-batang")
    edit = url("project_edit", partnership, project.code, language="en")
    form = client_for(andi).get(edit).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["sectors"] = [s.pk for s in project.sectors.all()]
    data["incentives"] = [i.pk for i in project.incentives.all()]
    data["is_public"] = "on"
    # An expired incentive is refused on the project, beside the incentives.
    expired = Incentive.objects.get(partnership=partnership, code="tax-holiday-2020")
    before = db_snapshot(*APPS)
    bad = client_for(andi).post(edit, {**data, "incentives": [*data["incentives"], expired.pk]})
    assert "expired incentive" in " ".join(bad.context["form"].errors["incentives"])
    assert db_snapshot(*APPS) == before
    assert client_for(andi).post(edit, {**data, "status": "partnered"}).status_code == 302
    project.refresh_from_db()
    assert project.status == "partnered"
    page = client.get(f"/en/investment/{partnership.slug}/prospectus/").content.decode()
    assert "Batang waste-to-energy plant (PLTSa)" not in page


def test_a_new_project_open_to_partners(client_for, andi, partnership):
    data = {
        "code": "cold-storage",
        "name": "Gudang berpendingin perikanan",
        "status": "open",
        "owner": andi.pk,
        "estimated_cost": "-5",
        "currency": "IDR",
        "is_public": "on",
    }
    client = client_for(andi)
    before = db_snapshot(*APPS)
    bad = client.post(url("project_new", partnership), data)
    assert "negatif" in bad.content.decode() and db_snapshot(*APPS) == before
    done = client.post(url("project_new", partnership), {**data, "estimated_cost": "80000000000"})
    assert done.status_code == 302
    assert PartnerProject.objects.filter(partnership=partnership, code="cold-storage").exists()


def test_a_tech_project_is_added_and_its_outcomes_written(client_for, andi, demo, partnership):
    client = client_for(andi)
    data = {
        "code": "machining-training",
        "title": "Pelatihan permesinan presisi",
        "partner": demo.toyama.pk,
        "status": "planned",
        "starts_on": "2027-02-01",
        "ends_on": "2027-01-01",
    }
    before = db_snapshot(*APPS)
    bad = client.post(url("tech_new", partnership), data)
    assert "berakhir sebelum" in bad.content.decode() and db_snapshot(*APPS) == before
    assert client.post(url("tech_new", partnership), {**data, "ends_on": ""}).status_code == 302
    project = TechTransferProject.objects.get(code="machining-training")
    edit = url("tech_edit", partnership, project.code)
    initial = client.get(edit).context["form"].initial
    changed = {k: v for k, v in initial.items() if v is not None}
    changed["outcomes"] = "12 operator tersertifikasi"
    assert client.post(edit, changed).status_code == 302
    project.refresh_from_db()
    assert project.safe_translation_getter("outcomes", language_code="id") == (
        "12 operator tersertifikasi"
    )
    detail = client.get(url("tech_project", partnership, project.code)).content.decode()
    assert "12 operator tersertifikasi" in detail


PAGES = [
    ("incentive_new", ()),
    ("incentive_edit", ("kek-batang",)),
    ("sector_new", ()),
    ("sector_edit", ("recycling",)),
    ("project_new", ()),
    ("project_edit", ("pltsa-batang",)),
    ("tech_new", ()),
    ("tech_edit", ("pet-recycling-line",)),
]


@pytest.mark.parametrize(
    "persona, status",
    [
        ("andi", 200),
        ("sari", 200),
        ("yamada", 200),
        ("budi", 403),
        ("observer", 403),
        ("otto", 404),
    ],
)
def test_who_may_open_the_forms(client_for, demo, andi, otto, partnership, persona, status):
    user = {"andi": andi, "otto": otto}.get(persona) or demo.users[persona]
    client = client_for(user)
    for name, args in PAGES:
        assert client.get(url(name, partnership, *args)).status_code == status, name


@pytest.mark.parametrize("persona", ["budi", "observer", "otto"])
def test_others_cannot_post_them(client_for, demo, otto, partnership, persona):
    user = otto if persona == "otto" else demo.users[persona]
    before = db_snapshot(*APPS)
    response = client_for(user).post(url("incentive_new", partnership), INCENTIVE)
    assert response.status_code == (404 if persona == "otto" else 403)
    edit = client_for(user).post(url("sector_edit", partnership, "recycling"), {"name": "x"})
    assert edit.status_code == (404 if persona == "otto" else 403)
    assert db_snapshot(*APPS) == before


def test_a_plot_taken_leaves_the_prospectus_and_an_expired_incentive_is_refused(
    client, client_for, andi, partnership
):
    from sistercity.investment.models import Opportunity

    plot = Opportunity.objects.get(partnership=partnership, code="kitb-c1-a07")
    page = client_for(andi).get(url("opportunities", partnership)).content.decode()
    assert url("opportunity_edit", partnership, plot.code) in page
    edit = url("opportunity_edit", partnership, plot.code)
    initial = client_for(andi).get(edit).context["form"].initial
    data = {k: v for k, v in initial.items() if v not in (None, False)}
    expired = Incentive.objects.get(partnership=partnership, code="tax-holiday-2020")
    before = db_snapshot(*APPS)
    bad = client_for(andi).post(edit, {**data, "incentives": [*data["incentives"], expired.pk]})
    assert "habis masa berlakunya" in " ".join(bad.context["form"].errors["incentives"])
    assert db_snapshot(*APPS) == before
    assert client_for(andi).post(edit, {**data, "availability": "taken"}).status_code == 302
    plot.refresh_from_db()
    assert plot.availability == "taken"
    prospectus = client.get(f"/id/investment/{partnership.slug}/prospectus/").content.decode()
    assert "Kavling industri C1-A07" not in prospectus


def test_another_contact_is_added_to_a_company(client_for, andi, partnership, leads):
    company = leads["resin"].company
    client = client_for(andi)
    page = url("companies", partnership)
    before = db_snapshot(*APPS)
    bad = client.post(page, {"form": "contact", "company": company.pk, "full_name": ""})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    assert db_snapshot(*APPS) == before
    done = client.post(
        page,
        {
            "form": "contact",
            "company": company.pk,
            "full_name": "Kobayashi Ken",
            "position": "工場長",
            "email": "kobayashi@example.jp",
        },
    )
    assert done.status_code == 302
    assert company.contacts.filter(full_name="Kobayashi Ken").exists()
