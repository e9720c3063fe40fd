"""Allocation runs: the stable matching (deferred acceptance) or, with side constraints, the
HiGHS second pass; each run stored with what re-derives and re-verifies it; applying a run
sends its offers. The engines are ``exchange/allocation.py`` and ``exchange/constrained.py``."""

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError
from sistercity.exchange import selectors
from sistercity.exchange.allocation import (
    AllocationInputError,
    allocate,
    blocking_pairs,
    break_all_ties,
    lottery_ticket,
)
from sistercity.exchange.choices import ALLOCATION_POOL, RunMode, Status
from sistercity.exchange.constrained import SideConstraints, constrained_allocate
from sistercity.exchange.models import AllocationRun, Application, Call, Offer
from sistercity.exchange.services._common import require_call, transition

ENGINE_MESSAGES = {
    "unknown_placement": _("A preference list names a placement that is not part of the call."),
    "duplicate_preference": _("A ranking lists the same applicant or placement twice."),
    "negative_capacity": _("A placement has a negative number of places."),
    "unknown_applicant": _("A host ranking names someone who is not in the allocation."),
}

ALREADY_APPLIED = _("Offers were already sent from a run; declined places go to the waiting list.")


@dataclass
class _Outcome:
    """What the engines made of the inputs."""

    placement_prefs: dict[Any, list[Any]]
    matching: dict[Any, Any]
    pairs: list[tuple[Any, Any]]
    solver_status: str  # the HiGHS pass's status; empty for the stable matching


def _check_constraints(
    max_per_institution: int | None, max_gender_share: float | None
) -> SideConstraints | None:
    """The side constraints asked for (None: the plain stable matching), or the refusal."""
    if max_per_institution is not None and int(max_per_institution) < 1:
        raise SisterCityError(_("“At most per school” must be at least 1."), code="constraint")
    if max_gender_share is not None and not 0.5 <= float(max_gender_share) <= 1:
        raise SisterCityError(
            _("The largest share of one gender must be between 0.5 and 1."), code="constraint"
        )
    if max_per_institution is None and max_gender_share is None:
        return None
    return SideConstraints(
        max_per_institution=int(max_per_institution) if max_per_institution else None,
        max_gender_share=float(max_gender_share) if max_gender_share else None,
    )


def _match(inputs: dict[str, Any], seed: str, constraints: SideConstraints | None) -> _Outcome:
    """Break the ties with the seed's lottery and run the engine the constraints call for."""
    try:
        placement_prefs = break_all_ties(inputs["placement_tiers"], seed)
        status = ""
        if constraints is not None:
            outcome = constrained_allocate(
                inputs["applicant_prefs"],
                placement_prefs,
                inputs["capacities"],
                institution=inputs["institution"],
                gender=inputs["gender"],
                constraints=constraints,
            )
            if outcome.status not in ("optimal", "time_limit"):
                raise SisterCityError(
                    _("The side constraints cannot all be met ({status}).").format(
                        status=outcome.status
                    ),
                    code="infeasible",
                )
            matching, status = dict(outcome.matching), outcome.status
        else:
            matching = dict(
                allocate(inputs["applicant_prefs"], placement_prefs, inputs["capacities"])
            )
        pairs = blocking_pairs(
            matching, inputs["applicant_prefs"], placement_prefs, inputs["capacities"]
        )
    except AllocationInputError as error:
        raise SisterCityError(
            ENGINE_MESSAGES.get(error.code, _("The allocation input is not valid.")),
            code=error.code,
        ) from error
    return _Outcome(dict(placement_prefs), matching, list(pairs), status)


def allocation_run(
    *,
    actor: User,
    call: Call,
    seed: str | None = None,
    max_per_institution: int | None = None,
    max_gender_share: float | None = None,
) -> AllocationRun:
    """Run the allocation and store it with its inputs, seed, result and stability check.

    Without side constraints: applicant-proposing deferred acceptance (stable and
    applicant-optimal). With them: the MILP second pass, which reports any blocking pair it had
    to accept.
    """
    require_call(actor, call)
    if call.runs.filter(applied_at__isnull=False).exists():
        raise SisterCityError(ALREADY_APPLIED, code="already_applied")
    constraints = _check_constraints(max_per_institution, max_gender_share)
    seed = (seed or call.lottery_seed or secrets.token_hex(8)).strip()
    inputs = selectors.allocation_inputs(call)
    if not inputs["applicant_prefs"]:
        raise SisterCityError(
            _("Nobody is shortlisted or waitlisted yet: there is nobody to allocate."),
            code="empty_pool",
        )
    outcome = _match(inputs, seed, constraints)
    asked = (("max_per_institution", max_per_institution), ("max_gender_share", max_gender_share))
    with transaction.atomic(), set_actor(actor):
        if not call.lottery_seed:
            call.lottery_seed = seed
            call.save(update_fields=["lottery_seed", "updated_at"])
        return AllocationRun.objects.create(
            call=call,
            mode=RunMode.STABLE if constraints is None else RunMode.CONSTRAINED,
            seed=seed,
            inputs={
                "applicant_prefs": inputs["applicant_prefs"],
                "placement_tiers": inputs["placement_tiers"],
                "placement_prefs": outcome.placement_prefs,
                "capacities": inputs["capacities"],
                "tickets": {ref: lottery_ticket(ref, seed) for ref in inputs["applicant_prefs"]},
            },
            constraints={k: v for k, v in asked if v is not None},
            result=outcome.matching,
            blocking_pairs=[list(pair) for pair in outcome.pairs],
            is_stable=not outcome.pairs,
            solver_status=outcome.solver_status,
            created_by=actor,
        )


def allocation_apply(*, actor: User, run: AllocationRun) -> list[Offer]:
    """Send the offers of a run; everyone in the pool without a place goes to the waiting
    list. Each applicant is told by e-mail."""
    call = run.call
    require_call(actor, call)
    offers = []
    with transaction.atomic(), set_actor(actor):
        if call.runs.select_for_update().filter(applied_at__isnull=False).exists():
            raise SisterCityError(ALREADY_APPLIED, code="already_applied")
        by_code = {p.code: p for p in call.placements.all()}
        applications = {
            a.reference.hex: a
            for a in Application.objects.select_for_update()
            .filter(call=call, reference__in=[uuid.UUID(hex=r) for r in run.result])
            .select_related("applicant", "call")
        }
        respond_by = timezone.now() + dt.timedelta(days=call.offer_response_days)
        for ref, code in run.result.items():
            application = applications.get(ref)
            if application is None or application.status not in ALLOCATION_POOL:
                continue  # withdrew (or was decided otherwise) since the run
            if code is None:
                if application.status != Status.WAITLISTED:
                    transition(application, Status.WAITLISTED, actor=actor)
                continue
            offer = Offer.objects.create(
                application=application, placement=by_code[code], run=run, respond_by=respond_by
            )
            offers.append(offer)
            transition(application, Status.OFFERED, actor=actor)
        run.applied_at = timezone.now()
        run.save(update_fields=["applied_at"])
    return offers
