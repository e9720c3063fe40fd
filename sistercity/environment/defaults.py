"""Starting values for a new scenario: the SIPSN national composition and the IPCC
tropical-wet climate (the waste model's default parameters), for a municipality of the size
its profile gives."""

import datetime as dt

#: SIPSN national composition by type, rounded (sample data: check the current SIPSN table at
#: sipsn.menlhk.go.id before using it for a decision). Fractions of wet weight.
SIPSN_NATIONAL_COMPOSITION = {
    "food": 0.40,
    "wood": 0.13,
    "paper": 0.11,
    "plastic": 0.185,
    "metal": 0.03,
    "textile": 0.025,
    "rubber": 0.02,
    "glass": 0.02,
    "other": 0.08,
}

#: SIPSN national composition by source, rounded (sample data), in %.
SIPSN_NATIONAL_SOURCES = {
    "household": 50,
    "market": 18,
    "commerce": 8,
    "office": 7,
    "public_facility": 6,
    "area": 6,
    "other": 5,
}

#: National average generation per person used when a municipality has no survey (sample).
DEFAULT_KG_PER_CAPITA_DAY = 0.5


def default_inputs(municipality=None, start_year: int | None = None) -> dict:
    """A plain scenario: everything to an uncategorised landfill, nothing separated."""
    return {
        "start_year": start_year or dt.date.today().year,
        "horizon_years": 20,
        "population": int((municipality and municipality.population) or 100_000),
        "population_growth": 0.01,
        "generation_kg_per_capita_day": DEFAULT_KG_PER_CAPITA_DAY,
        "generation_growth": 0.01,
        "composition": dict(SIPSN_NATIONAL_COMPOSITION),
        "source_separation_rate": 0.0,
        "shares": {},
        "residual_pathway": "landfill_uncategorised",
        "facilities": [],
        "discount_rate": 0.08,
    }
