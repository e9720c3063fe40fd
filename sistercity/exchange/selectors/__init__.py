"""Reads. Every function that lists things takes the user and returns only what they may see.

By sub-domain: ``calls`` (calls, hosts, the panel's candidates), ``applications`` (who sees
which, eligibility), ``review`` (scores, the panel ranking, the allocation's inputs and runs),
``participants`` (offers, the pre-departure checklist, the counts indicators are fed from).
"""

from sistercity.exchange.selectors.applications import (
    application_list,
    assigned_application,
    eligibility_problems,
    identity_visible,
    is_verified,
    my_applications,
    preferences_of,
    reviewer_assignments,
)
from sistercity.exchange.selectors.calls import (
    call_detail_queryset,
    call_list,
    hosts,
    panel_candidates,
    public_call_list,
    visible_calls,
)
from sistercity.exchange.selectors.files import (
    downloadable_files,
    secretariat_partnership_ids,
    shown_file_name,
)
from sistercity.exchange.selectors.participants import (
    PARTICIPANT_STATUSES,
    ChecklistItem,
    accepted_count,
    add_months,
    alumni_list,
    current_offer,
    exchange_counts,
    is_ready,
    open_offer,
    participant_rows,
    placements_with_counts,
    ranking_candidates,
    readiness_checklist,
)
from sistercity.exchange.selectors.review import (
    RankedApplication,
    allocation_inputs,
    application_scores,
    panel_ranking,
    panel_ranking_with_assignments,
    panel_tiers,
    review_score,
    runs,
)

__all__ = [
    "downloadable_files",
    "secretariat_partnership_ids",
    "shown_file_name",
    "PARTICIPANT_STATUSES",
    "ChecklistItem",
    "RankedApplication",
    "accepted_count",
    "add_months",
    "allocation_inputs",
    "alumni_list",
    "application_list",
    "application_scores",
    "assigned_application",
    "call_detail_queryset",
    "call_list",
    "current_offer",
    "eligibility_problems",
    "exchange_counts",
    "hosts",
    "identity_visible",
    "is_ready",
    "is_verified",
    "my_applications",
    "open_offer",
    "panel_candidates",
    "panel_ranking",
    "panel_ranking_with_assignments",
    "panel_tiers",
    "participant_rows",
    "placements_with_counts",
    "preferences_of",
    "public_call_list",
    "ranking_candidates",
    "readiness_checklist",
    "review_score",
    "reviewer_assignments",
    "runs",
    "visible_calls",
]
