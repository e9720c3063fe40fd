from io import StringIO

import pytest
from django.core.management import call_command

from sistercity.accounts.models import User
from sistercity.demo.data import load_demo
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent(demo):
    before = db_snapshot()
    load_demo()
    call_command("load_demo", stdout=StringIO())
    assert db_snapshot() == before


def test_demo_has_a_login_per_persona_and_the_seven_pillars(demo):
    # The foundation's personas; each sector adds its own (the fire chief, the planner …).
    assert {"admin", "sari", "yamada", "budi", "rina", "dewi", "observer"} <= set(demo.users)
    assert demo.partnership.pillars.count() == 7
    assert demo.partnership.is_sample and demo.batang.is_sample and demo.toyama.is_sample
    assert demo.partnership.started_on.isoformat() == "2025-08-30"


def test_make_run_prints_every_demo_login(demo):
    # A newcomer learns who they can be from this output: a sector that adds a login must
    # list it in its demo module's LOGINS.
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    logins = [u.email for u in User.objects.filter(is_active=True) if u.has_usable_password()]
    assert logins
    assert [email for email in logins if email not in printed] == []
    assert "Sector logins" in printed and "andi@batang.example" in printed
