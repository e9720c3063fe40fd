import pytest

from sistercity.accounts.models import User
from sistercity.investment.models import Lead


@pytest.fixture
def andi(demo) -> User:
    """The investment office (DPMPTSP) officer: agency officer of the investment pillar."""
    return User.objects.get(email="andi@batang.example")


@pytest.fixture
def tanaka(demo) -> User:
    """The contact of the operating company (Sample Toyama Seiki), with a login."""
    return User.objects.get(email="tanaka@sample-seiki.example")


@pytest.fixture
def leads(demo) -> dict[str, Lead]:
    by_title = {lead.title: lead for lead in Lead.objects.all()}
    return {
        "pharma": by_title["Pabrik obat generik di KITB"],
        "resin": by_title["Lini daur ulang PET"],
        "seiki": by_title["Pabrik komponen presisi"],
        "confidential": by_title["Perluasan lini kedua (rahasia)"],
    }
