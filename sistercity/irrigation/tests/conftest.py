import pytest

from sistercity.accounts.models import User
from sistercity.irrigation.demo import PLANNER_EMAIL


@pytest.fixture
def wahyu(demo) -> User:
    """The public-works planner: an agency officer of DPUPR Batang, agriculture pillar."""
    return User.objects.get(email=PLANNER_EMAIL)
