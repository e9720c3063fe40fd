"""One access rule for every app: outsiders 404, members without the right 403, agency officers
change only their pillars, and a page asks the database once per partnership."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from sistercity.core.access import CACHE_ATTRIBUTE, Action, access_for, partnership_ids, require
from sistercity.core.errors import SisterCityError
from sistercity.core.models import Pillar
from sistercity.partnerships.models import Partnership


def _ids(user, action, pillar=None):
    return set(
        Partnership.objects.filter(pk__in=partnership_ids(user, action, pillar=pillar)).values_list(
            "slug", flat=True
        )
    )


def test_secretariat_and_partner_officer_may_do_everything_with_their_partnership(
    partnership, sari, yamada
):
    for user in (sari, yamada):
        access = access_for(user, partnership)
        assert access.can_view and access.can_change and access.can_advance and access.can_audit


def test_observer_reads_and_audits_the_partnerships_of_the_country_it_oversees(
    partnership, observer
):
    access = access_for(observer, partnership)
    assert access.can_view and access.can_audit
    assert not access.can_change and not access.can(Action.CHANGE, pillar="environment")


def test_agency_officer_changes_his_pillar_only(partnership, budi):
    access = access_for(budi, partnership)
    environment = Pillar.objects.get(code="environment")
    education = Pillar.objects.get(code="education")
    assert access.can_view and not access.can_change
    assert access.can(Action.CHANGE, pillar="environment")
    assert access.can(Action.CHANGE, pillar=environment)
    assert access.can(Action.CHANGE, pillar=environment.pk)
    assert not access.can(Action.CHANGE, pillar=education)
    assert access.pillar_ids() == {environment.pk}
    assert access.can_change_some_pillar()


def test_the_queryset_rule_is_the_same_rule(partnership, budi, sari, observer, dewi):
    assert _ids(budi, Action.VIEW) == {partnership.slug}
    assert _ids(budi, Action.CHANGE) == set()
    assert _ids(budi, Action.CHANGE, pillar="environment") == {partnership.slug}
    assert _ids(budi, Action.CHANGE, pillar="education") == set()
    assert _ids(sari, Action.CHANGE, pillar="education") == {partnership.slug}
    assert _ids(observer, Action.AUDIT) == {partnership.slug}
    assert _ids(dewi, Action.VIEW) == set()


def test_require_gives_404_to_outsiders_and_403_to_members_without_the_right(
    partnership, otto, observer, budi
):
    with pytest.raises(Http404):
        require(otto, partnership, Action.VIEW)
    with pytest.raises(SisterCityError) as refused:
        require(observer, partnership, Action.CHANGE)
    assert refused.value.status == 403 and refused.value.code == "forbidden"
    with pytest.raises(SisterCityError):
        require(budi, partnership, Action.CHANGE, pillar="education")
    assert require(budi, partnership, Action.CHANGE, pillar="environment").can_view


def test_require_on_an_object_reads_its_partnership(partnership, otto, sari, observer):
    from sistercity.partnerships.models import Document

    document = Document.objects.filter(partnership=partnership).first()
    assert document is not None
    assert require(sari, document, Action.CHANGE).can_change
    with pytest.raises(Http404):
        require(otto, document, Action.VIEW)
    with pytest.raises(SisterCityError):
        require(observer, document, Action.CHANGE)


def test_a_request_asks_the_database_once_per_partnership(partnership, sari):
    setattr(sari, CACHE_ATTRIBUTE, {})
    with CaptureQueriesContext(connection) as first:
        access_for(sari, partnership)
    with CaptureQueriesContext(connection) as again:
        for _ in range(5):
            access_for(sari, partnership).can(Action.CHANGE)
    assert len(first) > 0 and len(again) == 0


def test_without_a_request_cache_a_new_membership_counts_at_once(partnership, dewi):
    from sistercity.accounts.choices import Role
    from sistercity.accounts.models import Membership

    assert not access_for(dewi, partnership).can_view
    Membership.objects.create(
        user=dewi, organisation=partnership.municipalities.first(), role=Role.SECRETARIAT
    )
    assert access_for(dewi, partnership).can_change


def test_the_middleware_caches_per_request_only(client, partnership, sari):
    """Two requests in a row each compute the access afresh (the second sees a change)."""
    client.force_login(sari)
    url = f"/en/partnerships/{partnership.slug}/"
    assert client.get(url).status_code == 200
    from sistercity.accounts.models import Membership

    Membership.objects.filter(user=sari).delete()
    assert client.get(url).status_code == 404
