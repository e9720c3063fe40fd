"""Values by dimension of another shape than {dimension: {category: number}} get a translated
400, not a server error (issue 10, finding 8)."""

import pytest

from sistercity.core.errors import SisterCityError
from sistercity.programs import services
from sistercity.programs.models import Indicator
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def households(demo):
    return Indicator.objects.get(code="households-sorting")


def _period(indicator):
    return indicator.periods.order_by("start").first()


@pytest.mark.parametrize(
    "shape",
    [
        lambda d: {d: 5},
        lambda d: {d: [1, 2]},
        lambda d: [d],
        lambda d: {d: {"a": [1]}},
        lambda d: {d: {"a": {"b": 1}}},
        lambda d: {d: {"a": True}},
    ],
    ids=["number", "list", "top-level-list", "list-value", "dict-value", "bool-value"],
)
def test_wrong_shapes_are_refused_and_change_nothing(households, budi, shape):
    before = db_snapshot("programs", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        services.update_create(
            actor=budi,
            period=_period(households),
            value=5,
            disaggregation=shape(households.disaggregations[0]),
        )
    assert refused.value.code in {"disaggregation", "not_a_number"}
    assert db_snapshot("programs", "auditlog") == before


def test_a_number_for_a_dimension_through_the_api_is_a_400(client, households, budi):
    token = api_token(budi)
    before = db_snapshot("programs", "auditlog")
    response = client.post(
        "/api/indicator-updates/",
        {
            "period": _period(households).pk,
            "value": "5",
            "disaggregation": {households.disaggregations[0]: 5},
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "disaggregation"
    assert "female" in response.json()["detail"]
    assert db_snapshot("programs", "auditlog") == before
