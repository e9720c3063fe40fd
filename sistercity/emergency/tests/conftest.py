import pytest

from sistercity.accounts.models import User
from sistercity.emergency.models import Vehicle
from sistercity.testing import pdf_upload


@pytest.fixture
def agus(demo) -> User:
    """The fire service chief: agency officer of Damkar Batang, emergency pillar."""
    return User.objects.get(email="agus@batang.example")


@pytest.fixture
def pdf():
    return pdf_upload


@pytest.fixture
def truck_at_customs(partnership):
    return Vehicle.objects.get(partnership=partnership, code="TYM-01")
