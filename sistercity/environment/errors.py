"""The waste model's errors as translated messages.

The engine raises :class:`~sistercity.environment.wastemodel.WasteModelError` with a stable
``code`` and the ``params`` that explain it, in English and without Django. Here each code
gets a translated sentence that names the field, year or value at fault, so that the page
and the API tell a planner exactly what to fix.
"""

from string import Formatter

from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.environment.choices import Pathway, SiteType, WasteType
from sistercity.environment.wastemodel import ErrorCode, WasteModelError

MESSAGES = {
    ErrorCode.COMPOSITION_SUM: _(
        "The waste composition adds up to {total_pct} %; it must add up to 100 %."
    ),
    ErrorCode.SHARES_OVER_100: _(
        "In {year} the shares of the pathways add up to {total_pct} %, more than 100 %."
    ),
    ErrorCode.SHARE_OUT_OF_RANGE: _("{field} must be between 0 and 100 %."),
    ErrorCode.NEGATIVE_TONNAGE: _("{field} must not be negative (it is {value})."),
    ErrorCode.HORIZON_TOO_LONG: _("The horizon is {years} years; at most {maximum} are allowed."),
    ErrorCode.HORIZON_TOO_SHORT: _("The horizon must be at least one year."),
    ErrorCode.UNKNOWN_WASTE_TYPE: _("“{waste_type}” is not a known waste type ({choices})."),
    ErrorCode.UNKNOWN_PATHWAY: _("“{pathway}” is not a known pathway ({choices})."),
    ErrorCode.UNKNOWN_SITE_TYPE: _("“{site_type}” is not a known landfill site type ({choices})."),
    ErrorCode.NO_CAPACITY: _(
        "Waste is sent to {pathway} from {year}, but its facilities ({facilities}) have no "
        "capacity within the horizon. Give a facility a capacity and a start year inside the "
        "horizon, or send no waste there."
    ),
    ErrorCode.INSUFFICIENT_SEPARATED: _(
        # Translators: xgettext:no-python-format ("%" is a percent sign, not a placeholder)
        "In {year}, {pathway} takes {requested_pct} % of the waste, but only {available_pct} % "
        "is separated material of a suitable type: raise the source-separation rate or lower "
        "the share."
    ),
    ErrorCode.OVERFLOW_CYCLE: _("The facilities' overflows form a loop ({pathways})."),
    ErrorCode.CONFLICTING_OVERFLOW: _(
        "The {pathway} facilities overflow to different pathways ({targets}); they must "
        "overflow to the same one."
    ),
    ErrorCode.INVALID_PARAMETER: _("The value of {field} is not valid."),
    ErrorCode.UNKNOWN_FIELD: _("Unknown field(s) in {field}: {unknown}."),
    ErrorCode.MISSING_FIELD: _("Missing field(s) in {field}: {missing}."),
}

FIELD_LABELS = {
    "population": _("the population"),
    "generation_kg_per_capita_day": _("the generation per person"),
    "source_separation_rate": _("the source-separation rate"),
    "horizon_years": _("the horizon"),
    "start_year": _("the start year"),
    "landfill_capacity_m3": _("the TPA volume"),
    "landfill_used_m3_at_start": _("the TPA volume already used"),
    "composition": _("the composition"),
    "discount_rate": _("the discount rate"),
}


def _label(value) -> str:
    """A code of the model as the words a planner reads."""
    for choices in (Pathway, WasteType, SiteType):
        if value in choices.values:
            return str(choices(value).label)
    if value == "composting+anaerobic_digestion":
        return str(_("composting and anaerobic digestion"))
    return str(value)


def _field(value: str) -> str:
    if value in FIELD_LABELS:
        return str(FIELD_LABELS[value])
    head, _dot, tail = str(value).partition(".")
    if head == "shares" and tail:
        return str(_("the share of {pathway}").format(pathway=_label(tail)))
    if head == "composition" and tail:
        return str(_("the {waste_type} share of the composition").format(waste_type=_label(tail)))
    if head == "facilities" and tail:
        name, _dot, attribute = tail.rpartition(".")
        return str(_("{attribute} of facility “{name}”").format(attribute=attribute, name=name))
    return str(value)


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _display(key: str, value) -> str:
    if key == "field":
        return _field(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_label(v) for v in value)
    if key in ("pathway", "waste_type", "site_type"):
        return _label(value)
    return _number(value)


def translate_model_error(error: WasteModelError) -> SisterCityError:
    """The engine's error as the one error type services raise (status 400)."""
    template = MESSAGES.get(error.code)
    if template is None:
        return SisterCityError(error.message, code=error.code)
    params = {key: _display(key, value) for key, value in error.params.items()}
    params.setdefault("choices", "")
    if error.code == ErrorCode.UNKNOWN_WASTE_TYPE:
        params["choices"] = ", ".join(str(label) for label in WasteType.labels)
    elif error.code == ErrorCode.UNKNOWN_PATHWAY:
        params["choices"] = ", ".join(str(label) for label in Pathway.labels)
    elif error.code == ErrorCode.UNKNOWN_SITE_TYPE:
        params["choices"] = ", ".join(str(label) for label in SiteType.labels)
    text = str(template)
    # A message may name a detail the engine did not give: show it empty, never crash.
    for _literal, name, _spec, _conversion in Formatter().parse(text):
        if name:
            params.setdefault(name, "")
    return SisterCityError(text.format(**params), code=error.code)
