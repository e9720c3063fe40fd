"""What the investment app contributes to the platform (``core.registry``): the investment
pillar's indicator feeds (realised investment, jobs, letters of intent, technology-transfer
milestones — proposed for approval like any update), the results dashboard's pipeline panel,
the public page's prospectus section, the open-data table of public opportunities, and the
daily reminder of overdue next steps."""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, OpenDataTable, Panel, Sector
from sistercity.investment import selectors
from sistercity.investment.choices import PILLAR
from sistercity.investment.tasks import remind_overdue_next_steps

REALISED_IDR = "investment:realised_idr"
JOBS = "investment:jobs"
LOIS = "investment:lois"
MILESTONES = "investment:techtransfer_milestones"


def _realised(partnership: Any, pillar: Any) -> Any:
    return selectors.realised_investment_idr(partnership)


def _jobs(partnership: Any, pillar: Any) -> int:
    return selectors.jobs_created(partnership)


def _lois(partnership: Any, pillar: Any) -> int:
    return selectors.letters_of_intent(partnership)


def _milestones(partnership: Any, pillar: Any) -> int:
    return selectors.milestones_done(partnership)


def dashboard_panel(request: Any, partnership: Any) -> Mapping[str, Any] | None:
    """The pipeline by stage and the user's overdue next steps for those who work the
    pipeline; the realised totals only for the others who see the dashboard (observers)."""
    if request is None:
        return None
    user = request.user
    actions = selectors.visible_actions(user, partnership)
    context: dict[str, Any] = {
        "partnership": partnership,
        "realised_idr": selectors.realised_investment_idr(partnership),
        "jobs": selectors.jobs_created(partnership),
        "lois": selectors.letters_of_intent(partnership),
        "works_pipeline": actions["can_edit"],
    }
    if actions["can_edit"]:
        leads = list(selectors.lead_list(user=user, partnership=partnership))
        context["summary"] = selectors.pipeline_summary(leads)
        context["overdue"] = list(selectors.overdue_leads(user=user, partnership=partnership))
    return context


def public_section(request: Any, partnership: Any) -> Mapping[str, Any] | None:
    opportunities = list(selectors.public_opportunities(partnership))
    projects = list(selectors.public_projects(partnership))
    if not opportunities and not projects:
        return None
    return {
        "partnership": partnership,
        "opportunities": opportunities,
        "projects": projects,
        "url": reverse("investment:prospectus", args=[partnership.slug]),
    }


OPEN_DATA_HEADER = [
    "partnership",
    "code",
    "kind",
    "estate",
    "area_m2",
    "zoning",
    "tenure",
    "price_per_m2",
    "currency",
    "availability",
    "name_id",
    "name_ja",
    "name_en",
]


def open_data_rows(partnerships: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Public opportunities only: never a lead, a company or a contact."""
    yield OPEN_DATA_HEADER
    for partnership in partnerships:
        for o in selectors.public_opportunities(partnership):
            names = {t.language_code: t.name for t in o.translations.all()}
            yield [
                partnership.slug,
                o.code,
                o.kind,
                o.estate,
                o.area_m2,
                o.zoning,
                o.tenure,
                o.price_per_m2,
                o.currency,
                o.availability,
                names.get("id", ""),
                names.get("ja", ""),
                names.get("en", ""),
            ]


def personal_data(user: Any) -> dict[str, Any]:
    """A company contact's own contact records in the investment pipeline."""
    from sistercity.investment.models import CompanyContact

    rows = [
        {
            "company": str(contact.company),
            "full_name": contact.full_name,
            "position": contact.position,
            "email": contact.email,
            "phone": contact.phone,
        }
        for contact in CompanyContact.objects.filter(user=user).select_related("company")
    ]
    return {"company_contacts": rows} if rows else {}


def erase_personal_data(user: Any) -> dict[str, int]:
    """The investment part of "delete my account": the login leaves the company's dossier and
    the contact record loses the person's own e-mail address and phone; the investment office
    keeps that the company had a contact of that name (its pipeline record)."""
    from sistercity.investment.models import CompanyContact

    unlinked = 0
    for contact in CompanyContact.objects.filter(user=user):
        contact.user = None
        if contact.email.casefold() == user.email.casefold():
            contact.email = ""
        contact.phone = ""
        contact.save(update_fields=["user", "email", "phone"])  # saved one by one: logged
        unlinked += 1
    return {"company_contacts_unlinked": unlinked} if unlinked else {}


SECTOR = Sector(
    app_label="investment",
    pillar=PILLAR,
    indicator_feeds=[
        IndicatorFeed(REALISED_IDR, _("investment: realised investment (IDR)"), _realised),
        IndicatorFeed(JOBS, _("investment: jobs in realised projects"), _jobs),
        IndicatorFeed(LOIS, _("investment: letters of intent signed"), _lois),
        IndicatorFeed(
            MILESTONES, _("investment: technology-transfer milestones done"), _milestones
        ),
    ],
    dashboard_panels=[Panel("investment/_dashboard_panel.html", dashboard_panel, position=60)],
    public_sections=[Panel("investment/_public_section.html", public_section, position=60)],
    open_data_tables=[OpenDataTable("investment_opportunities.csv", open_data_rows)],
    scheduled_jobs=[remind_overdue_next_steps],
    personal_data=[personal_data],
    erase_personal_data=[erase_personal_data],
)
