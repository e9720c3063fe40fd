"""Deleting a waste scenario works, and leaves a trace on the History tab (issue 10, finding 6:
the audit hook read the deleted scenario while logging its translation rows)."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from sistercity.environment import services
from sistercity.environment.models import WasteScenario

pytestmark = pytest.mark.django_db


def test_planner_deletes_a_scenario_and_the_deletion_is_logged(demo, budi):
    scenario = WasteScenario.objects.get(code="open-dump-today")
    pk = scenario.pk
    services.scenario_delete(actor=budi, scenario=scenario)
    assert not WasteScenario.objects.filter(pk=pk).exists()
    deletions = LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(pk))
    scenario_entry = deletions.get(content_type=ContentType.objects.get_for_model(WasteScenario))
    assert scenario_entry.actor == budi
    assert scenario_entry.additional_data == {"partnership": demo.partnership.pk}
    translation_model = WasteScenario.translations.field.model
    translation_entries = LogEntry.objects.filter(
        action=LogEntry.Action.DELETE,
        content_type=ContentType.objects.get_for_model(translation_model),
    )
    assert translation_entries.exists()
    assert {e.additional_data["partnership"] for e in translation_entries} == {demo.partnership.pk}


def test_delete_button_redirects_to_the_scenario_list(demo, client, budi):
    client.force_login(budi)
    url = reverse("environment:scenario_delete", args=[demo.partnership.slug, "toyama-style"])
    response = client.post(url)
    assert response.status_code == 302
    assert not WasteScenario.objects.filter(code="toyama-style").exists()
