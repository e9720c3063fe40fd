"""Coverage analysis: import a travel-time matrix, run a location model, save the scenario.

The ORM gives the engine (``emergency.coverage``) plain arrays; a scenario keeps its inputs and
results as plain data so it can be shown, compared and exported as it was run.
"""

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from auditlog.context import set_actor
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.emergency import coverage
from sistercity.emergency.choices import PILLAR, CoverageModel, PostKind
from sistercity.emergency.models import CoverageScenario, FirePost, TravelTime, Village

MAX_CSV_BYTES = 5 * 1024 * 1024


def _names(items, limit: int = 5) -> str:
    items = list(items)
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (" …" if len(items) > limit else "")


def _read_csv(file: UploadedFile) -> list[dict[str, str]]:
    if file.size and file.size > MAX_CSV_BYTES:
        raise SisterCityError(_("The CSV file is too large."), code="file_too_large")
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SisterCityError(_("The CSV file must be UTF-8 text."), code="encoding") from None
    reader = csv.DictReader(io.StringIO(text))
    header = {h.strip().lower() for h in reader.fieldnames or []}
    if not {"origin", "destination"} <= header or not header & {"minutes", "metres"}:
        raise SisterCityError(
            _("The CSV needs the columns origin, destination and minutes (or metres)."),
            code="columns",
        )
    return [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def travel_times_import(
    *, actor, partnership, file: UploadedFile, speed_kmh: Decimal | None = None
) -> int:
    """Replace the measured travel times with a CSV (origin = post code, destination = village
    code, minutes — or metres of road, turned into minutes at ``speed_kmh``). All or nothing:
    every post–village pair must be there exactly once, with a value that is not negative."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    rows = _read_csv(file)
    in_metres = bool(rows) and "minutes" not in rows[0] and "metres" in rows[0]
    if in_metres and (speed_kmh is None or speed_kmh <= 0):
        raise SisterCityError(
            _("Distances in metres need a speed to turn them into minutes."), code="speed"
        )
    posts = {p.code: p for p in FirePost.objects.filter(partnership=partnership)}
    villages = {v.code: v for v in Village.objects.filter(partnership=partnership)}
    times: dict[tuple[str, str], Decimal] = {}
    for number, row in enumerate(rows, start=2):
        origin, destination = row.get("origin", ""), row.get("destination", "")
        if origin not in posts:
            raise SisterCityError(
                _("Line {line}: “{code}” is not a post or candidate site.").format(
                    line=number, code=origin
                ),
                code="unknown_origin",
            )
        if destination not in villages:
            raise SisterCityError(
                _("Line {line}: “{code}” is not a village.").format(line=number, code=destination),
                code="unknown_destination",
            )
        try:
            raw = row.get("metres" if in_metres else "minutes", "")
            minutes = Decimal(raw.replace(",", "."))
            if in_metres and minutes.is_finite():
                minutes = minutes / 1000 / Decimal(speed_kmh or 1) * 60
        except InvalidOperation:
            minutes = Decimal("NaN")
        if not minutes.is_finite() or minutes < 0:
            raise SisterCityError(
                _("Line {line}: the travel time must be a number of minutes, not negative.").format(
                    line=number
                ),
                code="negative_cost",
            )
        if (origin, destination) in times:
            raise SisterCityError(
                _("Line {line}: {origin} → {destination} appears twice.").format(
                    line=number, origin=origin, destination=destination
                ),
                code="duplicate_pair",
            )
        times[(origin, destination)] = minutes.quantize(Decimal("0.01"))
    missing = [f"{p} → {v}" for p in posts for v in villages if (p, v) not in times]
    if missing:
        raise SisterCityError(
            ngettext(
                "The matrix misses {count} pair: {pairs}.",
                "The matrix misses {count} pairs: {pairs}.",
                len(missing),
            ).format(count=len(missing), pairs=_names(missing)),
            code="missing_pairs",
        )
    with transaction.atomic(), set_actor(actor):
        TravelTime.objects.filter(village__partnership=partnership).delete()
        TravelTime.objects.bulk_create(
            TravelTime(village=villages[v], post=posts[p], minutes=m) for (p, v), m in times.items()
        )
    return len(times)


def _coordinates(items, what) -> np.ndarray:
    missing = [i.name for i in items if i.latitude is None or i.longitude is None]
    if missing:
        raise SisterCityError(
            _("These {what} have no coordinates: {names}.").format(
                what=what, names=_names(missing)
            ),
            code="coordinates",
        )
    return np.array([[float(i.latitude), float(i.longitude)] for i in items])


def _matrix(villages, sites, *, measured: bool, detour_factor, speed_kmh) -> np.ndarray:
    if measured:
        times = {
            (t.village_id, t.post_id): float(t.minutes)
            for t in TravelTime.objects.filter(village__in=villages)
        }
        matrix = np.array([[times.get((v.pk, s.pk), np.nan) for s in sites] for v in villages])
        if np.isnan(matrix).any():
            raise SisterCityError(
                _("The measured travel times miss some post–village pairs; import a full CSV."),
                code="missing_pairs",
            )
        return matrix
    if detour_factor is None or speed_kmh is None:
        raise SisterCityError(
            _("An estimate needs a detour factor and a speed."), code="estimate_parameters"
        )
    try:
        return coverage.estimated_minutes(
            _coordinates(villages, _("villages")),
            _coordinates(sites, _("posts")),
            detour_factor=float(detour_factor),
            speed_kmh=float(speed_kmh),
        )
    except coverage.CoverageInputError as error:
        raise _engine_error(error) from None


def _engine_error(error: coverage.CoverageInputError) -> SisterCityError:
    details = error.details
    messages: dict[str, Any] = {
        "p_too_large": _("p = {p} is more than the {sites} candidate sites.").format(
            p=details.get("p"), sites=details.get("sites")
        ),
        "fixed_exceeds_p": _(
            "The {fixed} existing posts are always kept, so p must be at least {fixed}."
        ).format(fixed=details.get("fixed")),
        "p_invalid": _("The number of posts must be a positive whole number."),
        "uncoverable": _(
            "{count} villages are beyond the standard from every site, so no set of posts "
            "covers them all; use MCLP or add candidate sites."
        ).format(count=len(details.get("clients", []))),
        "missing_pairs": _("The travel-time matrix has missing pairs."),
        "negative_cost": _("The travel-time matrix has negative times."),
        "detour_factor": _("The detour factor must be at least 1."),
        "speed": _("The speed must be positive."),
        "fixed_not_candidate": _("A fixed site is not among the candidate sites."),
        "no_solution": _("The solver found no solution."),
    }
    return SisterCityError(
        messages.get(error.code, _("The model cannot run on these inputs.")), code=error.code
    )


def scenario_run(
    *,
    actor,
    partnership,
    name: str,
    model: str,
    posts: int | None = None,
    standard_minutes=Decimal(15),
    measured: bool = False,
    detour_factor=Decimal("1.4"),
    speed_kmh=Decimal(35),
    note: str = "",
) -> CoverageScenario:
    """Run a location model with today's posts fixed and save it as a scenario."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if model not in CoverageModel.values:
        raise SisterCityError(_("Unknown model."), code="model", field="model")
    if standard_minutes is None or standard_minutes <= 0:
        raise SisterCityError(
            _("The response standard must be positive."),
            code="standard",
            field="standard_minutes",
        )
    villages = list(Village.objects.filter(partnership=partnership).order_by("code"))
    sites = list(FirePost.objects.filter(partnership=partnership).order_by("kind", "code"))
    if not villages or not sites:
        raise SisterCityError(
            _("A coverage analysis needs villages and posts or candidate sites."), code="empty"
        )
    count = int(posts or 0)
    if model != CoverageModel.LSCP and count < 1:
        raise SisterCityError(
            _("Say how many posts (p) the model may use."), code="p_invalid", field="posts"
        )
    matrix = _matrix(
        villages, sites, measured=measured, detour_factor=detour_factor, speed_kmh=speed_kmh
    )
    weights = np.array([v.population for v in villages], dtype=float)
    fixed = [j for j, s in enumerate(sites) if s.kind == PostKind.EXISTING]
    radius = float(standard_minutes)
    try:
        if model == CoverageModel.LSCP:
            result = coverage.lscp(matrix, radius, fixed=fixed)
        elif model == CoverageModel.MCLP:
            result = coverage.mclp(matrix, weights, radius, count, fixed=fixed)
        else:
            result = coverage.p_median(matrix, weights, count, fixed=fixed)
        today = coverage.evaluate(matrix, weights, fixed, radius) if fixed else None
    except coverage.CoverageInputError as error:
        raise _engine_error(error) from None
    with transaction.atomic(), set_actor(actor):
        scenario = CoverageScenario(
            partnership=partnership,
            name=name,
            model=model,
            standard_minutes=standard_minutes,
            posts=posts if model != CoverageModel.LSCP else len(result.sites),
            is_estimate=not measured,
            detour_factor=None if measured else detour_factor,
            speed_kmh=None if measured else speed_kmh,
            inputs=_inputs(villages, sites, matrix),
            results=_results(result, today, sites, matrix, weights),
            created_by=actor,
            note=note,
        )
        full_clean(scenario)
        scenario.save()
    return scenario


def _inputs(villages, sites, matrix) -> dict:
    def point(obj) -> list:
        return [
            float(obj.latitude) if obj.latitude is not None else None,
            float(obj.longitude) if obj.longitude is not None else None,
        ]

    return {
        "villages": [
            {
                "code": v.code,
                "name": v.name,
                "kecamatan": v.kecamatan,
                "population": v.population,
                "point": point(v),
            }
            for v in villages
        ],
        "sites": [
            {"code": s.code, "name": s.name, "kind": s.kind, "point": point(s)} for s in sites
        ],
        "minutes": np.round(matrix, 2).tolist(),
    }


def _results(result: coverage.Solution, today, sites, matrix, weights) -> dict:
    assigned = matrix[np.arange(matrix.shape[0]), result.assignment]
    # LSCP weighs every village alike; the population figures are the villages' own.
    covered_population = float(weights[result.covered].sum())
    total = float(weights.sum())
    return {
        "sites": [sites[j].code for j in result.sites],
        "new_sites": [sites[j].code for j in result.sites if sites[j].kind != PostKind.EXISTING],
        "covered": result.covered.tolist(),
        "assignment": [sites[j].code for j in result.assignment],
        "minutes": np.round(assigned, 2).tolist(),
        "population_covered": covered_population,
        "population_uncovered": total - covered_population,
        "share_covered": covered_population / total if total else 0.0,
        "mean_minutes": float((weights * assigned).sum() / total) if total else 0.0,
        "objective": result.objective,
        "optimal": result.optimal,
        "gap": result.gap,
        "today": None
        if today is None
        else {
            "population_covered": today.weight_covered,
            "share_covered": today.share_covered,
            "mean_minutes": today.mean_cost,
        },
    }


def scenario_delete(*, actor, scenario: CoverageScenario) -> None:
    require(actor, scenario, Action.CHANGE, pillar=PILLAR)
    with transaction.atomic(), set_actor(actor):
        scenario.delete()
