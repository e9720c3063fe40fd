"""What the emergency app contributes to the platform (``core.registry``): indicator feeds for
the emergency pillar (proposed for approval like any update), and the reminder job."""

from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, Sector
from sistercity.emergency import stats
from sistercity.emergency.tasks import send_emergency_reminders

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
    scheduled_jobs=[send_emergency_reminders],
)
