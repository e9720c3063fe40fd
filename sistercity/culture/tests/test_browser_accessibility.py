"""axe-core (``core/tests/accessibility.py``) run in Chromium on the public culture pages: no
serious or critical violations, the header's language switcher included."""

import pytest

from sistercity.core.tests.accessibility import serious_violations
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/{lang}/",
    "/{lang}/culture/",
    "/{lang}/culture/batang-toyama/events/",
    "/{lang}/culture/batang-toyama/events/lokakarya-batik-rifaiyah/",
    "/{lang}/culture/batang-toyama/events/kunjungan-kebun-teh-pagilaran/",
    "/{lang}/culture/batang-toyama/destinations/",
    "/{lang}/culture/batang-toyama/destinations/museum-kaca-toyama/",
    "/{lang}/culture/batang-toyama/visitors/",
]


@pytest.mark.parametrize("lang", ["ja", "id"])
def test_public_culture_pages_have_no_serious_violations(live_server, page, lang):
    load_demo()
    found = {}
    for path in PAGES:
        response = page.goto(live_server.url + path.format(lang=lang))
        assert response is not None and response.status == 200, path
        violations = serious_violations(page)
        if violations:
            found[path] = violations
    assert found == {}
