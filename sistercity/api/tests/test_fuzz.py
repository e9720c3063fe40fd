"""The API under generated input (schemathesis, from the published OpenAPI schema): whatever a
client sends, as an outsider or as a member, the answer is never a server error.

Bounded: a few examples per operation and persona (``EXAMPLES``), every operation of
``/api/schema/`` in-process through WSGI, inside the test's transaction (writes roll back).
The cases that once gave 500s are kept as explicit examples below."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from sistercity.accounts.models import User
from sistercity.testing import api_token

EXAMPLES = 3
# An outsider and a member with the widest rights; the role × endpoint matrices are elsewhere.
PERSONAS = ["", "sari@batang.example"]

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def _one_connection_per_test():
    """The WSGI handler closes the database connection after each request when autocommit is
    off, as it is inside the test's transaction: on PostgreSQL that ends the test. Django's own
    test client disconnects the same handler."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def _headers(email: str) -> dict[str, str]:
    if not email:
        return {}
    token = api_token(User.objects.get(email=email))
    return {"Authorization": f"Token {token}"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.split("@")[0] or "anonymous")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_generated_request_gets_a_server_error(case, persona):
    case.call_and_validate(headers=_headers(persona), checks=[not_a_server_error])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/partnerships/?search=a%00b",
        "/api/partnerships/?partnership=%00",
        "/api/applications/?call=%00",
        "/api/indicator-updates/?indicator=%00",
        "/api/waste-scenarios/?partnership=%00",
    ],
)
def test_the_nul_cases_are_refused_not_crashed(client, sari, path):
    client.force_login(sari)
    response = client.get(path)
    assert response.status_code == 400
