"""The personas of DESIGN.md §1, shared by every test. They are the demo's own users, so tests
tell the same stories a person can try with `make run`:

- sari: secretariat officer, Pemkab Batang
- yamada: partner officer, Toyama City (reads Japanese, lives in JST)
- budi: agency officer at Batang's environment agency (DLH), environment pillar
- rina: reviewer; dewi: applicant (no organisation)
- observer: Ministry of Home Affairs, oversees Indonesian partnerships
- admin: platform admin
- otto: secretariat of another partnership (Kendal–Kitakyushu): the outsider
"""

import datetime as dt
import os

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.accounts.models import Membership, Organisation, User
from sistercity.core.models import Pillar
from sistercity.demo.data import load_demo
from sistercity.partnerships import services
from sistercity.partnerships.models import Partnership
from sistercity.testing import RQ_BACKEND

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once into the test database; each test rolls back to it.

    Transactional tests (browser, worker) flush the database; they call ``load_demo()``
    themselves, which rebuilds it.
    """
    override_settings(
        PASSWORD_HASHERS=FAST_HASHER, MEDIA_ROOT=tmp_path_factory.mktemp("media")
    ).enable()
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # TEST_TASKS_BACKEND=rq (.ci/run's third pass) puts the tasks on the real Redis, so the same
    # job and reminder tests prove both backends; the database backend otherwise.
    if os.environ.get("TEST_TASKS_BACKEND") == "rq":
        settings.TASKS = {"default": {"BACKEND": RQ_BACKEND, "QUEUES": ["default"]}}
        settings.RQ_QUEUES = {
            "default": {"URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")}
        }
        import django_rq

        django_rq.get_queue("default").empty()  # nothing left over from an earlier test
    else:
        settings.TASKS = {
            "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
        }
    # Two-factor authentication is required of the secretariat, partner officers and admins
    # in every deployment, but here the tests log personas in with force_login (and browser
    # tests with the password form) to test everything else: that stands for a complete log-in.
    # The two-factor tests turn the requirement back on (accounts/tests/test_two_factor.py);
    # a persona who set up an authenticator is asked for a code either way.
    settings.TWO_FACTOR_REQUIRED = False
    # parler caches translations by primary key; ids are reused after each test's rollback.
    cache.clear()
    # Each test starts in the default language (a request in an earlier test may switch it).
    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    return load_demo()


@pytest.fixture
def partnership(demo) -> Partnership:
    return demo.partnership


@pytest.fixture
def sari(demo) -> User:
    return demo.users["sari"]


@pytest.fixture
def yamada(demo) -> User:
    return demo.users["yamada"]


@pytest.fixture
def budi(demo) -> User:
    return demo.users["budi"]


@pytest.fixture
def rina(demo) -> User:
    return demo.users["rina"]


@pytest.fixture
def dewi(demo) -> User:
    return demo.users["dewi"]


@pytest.fixture
def observer(demo) -> User:
    return demo.users["observer"]


@pytest.fixture
def admin_user(demo) -> User:
    return demo.users["admin"]


def make_municipality(slug, country, names, kind=OrganisationKind.CITY) -> Organisation:
    org = Organisation(slug=slug, kind=kind, country=country)
    for code, name in zip(("id", "ja", "en"), names, strict=True):
        org.set_current_language(code)
        org.name = name
    org.save()
    return org


@pytest.fixture
def other_partnership(db, demo) -> Partnership:
    """Kendal Regency ↔ Kitakyushu City, run by Otto: another tenant."""
    kendal = make_municipality(
        "kendal",
        Country.INDONESIA,
        ("Kabupaten Kendal", "ケンダル県", "Kendal Regency"),
        OrganisationKind.REGENCY,
    )
    kitakyushu = make_municipality(
        "kitakyushu", Country.JAPAN, ("Kota Kitakyushu", "北九州市", "Kitakyushu City")
    )
    otto = User.objects.create_user(
        "otto@kendal.example", "pw", full_name="Otto Prasetyo", preferred_language="id"
    )
    Membership.objects.create(user=otto, organisation=kendal, role=Role.SECRETARIAT)
    return services.partnership_create(
        actor=otto,
        slug="kendal-kitakyushu",
        kind="sister_city",
        municipalities=[kendal, kitakyushu],
        pillars=list(Pillar.objects.filter(code__in=["environment", "education"])),
        name="Kendal – Kitakyushu",
        language="id",
        started_on=dt.date(2026, 1, 10),
        is_public=False,
    )


@pytest.fixture
def otto(other_partnership) -> User:
    return User.objects.get(email="otto@kendal.example")


@pytest.fixture
def client_for(client):
    """Log a persona in on the test client: ``client_for(sari).get(...)``."""

    def login(user):
        client.force_login(user)
        return client

    return login


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser).

    Without Chromium the browser tests are skipped locally; CI sets REQUIRE_BROWSER=1 and
    fails instead.
    """
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
        pytest.skip("Debian's chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, live_server, email, language="id", password="sistercity-demo"):  # noqa: S107
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
