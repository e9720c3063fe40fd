from io import StringIO

import pytest
from django.core.management import call_command

from sistercity.programs.models import Activity, Indicator, Period, Programme

pytestmark = pytest.mark.django_db


def test_seed_synthetic_creates_the_documented_shape_and_is_idempotent(demo):
    call_command("seed_synthetic", partnerships=2, stdout=StringIO())
    synthetic = Programme.objects.filter(partnership__slug__startswith="synthetic-")
    assert synthetic.count() == 10
    assert Activity.objects.filter(programme__in=synthetic).count() == 100
    indicators = Indicator.objects.filter(result__programme__in=synthetic)
    assert indicators.count() == 300
    assert Period.objects.filter(indicator__in=indicators).count() == 1200
    call_command("seed_synthetic", partnerships=2, stdout=StringIO())
    assert synthetic.count() == 10


def test_synthetic_partnerships_stay_private_to_their_members(demo, client, sari):
    call_command("seed_synthetic", partnerships=1, stdout=StringIO())
    client.force_login(sari)
    assert client.get("/id/partnerships/synthetic-0/results/").status_code == 404
