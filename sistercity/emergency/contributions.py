"""What the emergency app contributes to the platform (``core.registry``): indicator feeds for
the emergency pillar (proposed for approval like any update), and the reminder job."""

from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, Panel, Sector
from sistercity.emergency import stats
from sistercity.emergency.tasks import send_emergency_reminders


def dashboard_panel(request, partnership):
    """The fire service's figures on the results dashboard, with a link to its pages."""
    from sistercity.emergency.models import FirePost, VehicleGrant

    if not FirePost.objects.filter(partnership=partnership).exists():
        return None
    return {
        "partnership": partnership,
        "share_within": stats.share_within_standard(partnership),
        "population_pct": stats.population_within_standard(partnership),
        "trained": stats.trained_operators(partnership),
        "donated": stats.donated_in_service(partnership),
        "grants_open": VehicleGrant.objects.filter(
            vehicle__partnership=partnership, completed_at__isnull=True
        ).count(),
    }


def public_section(request, partnership):
    """What the public page says of the fire service: counts only, no names."""
    from sistercity.emergency.models import FirePost

    if not FirePost.objects.filter(partnership=partnership).exists():
        return None
    return {
        "trained": stats.trained_operators(partnership),
        "donated": stats.donated_in_service(partnership),
        "share_within": stats.share_within_standard(partnership),
    }


SECTOR = Sector(
    app_label="emergency",
    pillar="emergency",
    indicator_feeds=[
        IndicatorFeed(
            "emergency:trained_operators",
            _("fire service: firefighters with a valid operator qualification"),
            lambda partnership, pillar: stats.trained_operators(partnership),
        ),
        IndicatorFeed(
            "emergency:donated_in_service",
            _("fire service: donated vehicles in service"),
            lambda partnership, pillar: stats.donated_in_service(partnership),
        ),
        IndicatorFeed(
            "emergency:response_within_standard_pct",
            _("fire service: percentage of incidents reached within 15 minutes (last 12 months)"),
            lambda partnership, pillar: stats.share_within_standard(partnership),
        ),
        IndicatorFeed(
            "emergency:population_covered_pct",
            _("fire service: percentage of population within 15 minutes of a post"),
            lambda partnership, pillar: stats.population_within_standard(partnership),
        ),
    ],
    dashboard_panels=[Panel("emergency/_dashboard_panel.html", dashboard_panel, position=40)],
    public_sections=[Panel("emergency/_public_section.html", public_section, position=40)],
    scheduled_jobs=[send_emergency_reminders],
)
