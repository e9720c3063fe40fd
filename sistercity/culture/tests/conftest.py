"""Culture fixtures: the demo's events and Ayu, the culture agency officer."""

import pytest
from django.utils import translation

from sistercity.accounts.models import User
from sistercity.culture.models import Event


@pytest.fixture(autouse=True)
def _read_in_english(_test_settings):
    """These tests read messages in English (the id and ja catalogues are checked by the
    translation tests); pages are requested under /en/ unless a test says otherwise."""
    translation.activate("en")


@pytest.fixture
def ayu(demo) -> User:
    return User.objects.get(email="ayu@batang.example")


@pytest.fixture
def batik(demo) -> Event:
    """Upcoming, capacity 4, three places taken: one left."""
    return Event.objects.get(slug="lokakarya-batik-rifaiyah")


@pytest.fixture
def glass(demo) -> Event:
    """Upcoming online session, capacity 2, full, one person waiting."""
    return Event.objects.get(slug="kaca-toyama-daring")


@pytest.fixture
def cancelled_visit(demo) -> Event:
    return Event.objects.get(slug="kunjungan-kebun-teh-pagilaran")


def register(event, email, *, people=1, language="id", name="Tamu", **extra):
    from sistercity.culture import services

    return services.registration_submit(
        event=event, full_name=name, email=email, people=people, language=language, **extra
    )
