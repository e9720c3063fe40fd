"""Public pages are cached per language for anonymous visitors only: a signed-in person never
gets a stored page (theirs or anyone's), each visitor keeps their own CSRF token, and an edit
shows at once (signals) or after the timeout (writes that bypass them)."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from sistercity.core.public_cache import public_page
from sistercity.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def _rename(partnership, name, *, quietly):
    """Change the Indonesian name; ``quietly`` bypasses model signals, as a bulk update does."""
    translations = Partnership._parler_meta.root_model.objects.filter(
        master=partnership, language_code="id"
    )
    if quietly:
        translations.update(name=name)
    else:
        row = translations.get()
        row.name = name
        row.save()


@pytest.fixture
def home():
    with translation.override("id"):
        return reverse("portal:home")


def test_anonymous_visitors_share_a_copy_until_an_edit(client, partnership, home):
    before = partnership.safe_translation_getter("name", language_code="id")
    assert before in client.get(home).content.decode()

    _rename(partnership, "Nama diam-diam", quietly=True)
    assert before in Client().get(home).content.decode()  # the stored copy

    _rename(partnership, "Nama baru", quietly=False)
    page = Client().get(home).content.decode()
    assert "Nama baru" in page and before not in page


def test_a_quiet_edit_shows_after_the_timeout(client, partnership, home, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 1
    client.get(home)
    _rename(partnership, "Nama diam-diam", quietly=True)
    time.sleep(1.1)  # the stored copy expires: not a timing assertion, a wait for expiry
    assert "Nama diam-diam" in Client().get(home).content.decode()


def test_signed_in_people_never_get_a_stored_page(client, partnership, sari, yamada, home):
    anonymous = client.get(home).content.decode()
    assert "Sari Wulandari" not in anonymous

    as_sari = Client()
    as_sari.force_login(sari)
    page = as_sari.get(home).content.decode()
    assert page != anonymous and reverse("accounts:logout") in page

    as_yamada = Client()
    as_yamada.force_login(yamada)
    page = as_yamada.get(home).content.decode()
    assert sari.get_full_name() not in page and sari.email not in page

    # Nor was a signed-in page stored for the anonymous.
    assert reverse("accounts:logout") not in Client().get(home).content.decode()


def test_each_language_has_its_own_copy(client, partnership):
    pages = {}
    for language in ("id", "ja", "en"):
        with translation.override(language):
            url = reverse("portal:home")
        pages[language] = client.get(url).content.decode()
        assert f'lang="{language}"' in pages[language]
    assert len(set(pages.values())) == 3


def test_pages_say_they_vary_by_language_and_cookie(client, partnership, home):
    for url in (home, reverse("portal:municipalities"), reverse("exchange:calls")):
        for _ in range(2):  # rendered, then stored
            response = client.get(url)
            assert response.status_code == 200
            vary = {v.strip() for v in response["Vary"].split(",")}
            assert {"Accept-Language", "Cookie"} <= vary


def test_each_visitor_gets_their_own_csrf_token_that_works(partnership, home):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(home)
    page = second.get(home)  # from the stored copy
    token = page.context["csrf_token"] if page.context else None
    assert token is None  # served without rendering
    body = page.content.decode()
    assert "__SISTERCITY_CSRF_TOKEN__" not in body
    submitted = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = second.post(
        reverse("set_language"), {"csrfmiddlewaretoken": submitted, "language": "ja"}
    )
    assert response.status_code == 302
    # The token unmasks to the second visitor's own secret, not the first visitor's.
    secrets = {_unmask_cipher_token(submitted)}
    assert secrets == {second.cookies["csrftoken"].value}
    assert first.cookies["csrftoken"].value not in secrets


def test_a_visitor_with_a_session_is_not_served_the_shared_copy(client, partnership, home):
    client.get(home)
    _rename(partnership, "Nama diam-diam", quietly=True)
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert "Nama diam-diam" in with_session.get(home).content.decode()


def _anonymous_get(path="/id/x/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_a_page_whose_token_cannot_be_found_again_is_never_shared():
    calls = []

    @public_page
    def token_outside_a_form(request):
        calls.append(1)
        return HttpResponse(f"<meta content='{get_token(request)}'>")

    first = token_outside_a_form(_anonymous_get()).content
    second = token_outside_a_form(_anonymous_get()).content
    assert len(calls) == 2 and first != second


def test_a_page_without_a_token_is_rendered_once():
    calls = []

    @public_page
    def plain(request):
        calls.append(1)
        return HttpResponse("plain")

    assert plain(_anonymous_get()).content == plain(_anonymous_get()).content == b"plain"
    assert len(calls) == 1


def test_the_accountability_page_is_shared_by_anonymous_visitors_until_an_edit(
    client, partnership, sari
):
    with translation.override("id"):
        url = reverse("programs:accountability", args=[partnership.slug])
    before = partnership.safe_translation_getter("name", language_code="id")
    assert before in client.get(url).content.decode()
    _rename(partnership, "Nama diam-diam", quietly=True)
    assert before in Client().get(url).content.decode()  # the stored copy
    signed_in = Client()
    signed_in.force_login(sari)
    assert "Nama diam-diam" in signed_in.get(url).content.decode()  # rendered for her
    _rename(partnership, "Nama baru", quietly=False)
    assert "Nama baru" in Client().get(url).content.decode()
