""" "My tasks": each persona's inbox lists what the demo leaves waiting for them, each a link to
where it is done, and the header counts the same tasks."""

import lxml.html
import pytest

from sistercity.exchange import services as exchange
from sistercity.exchange.models import Call
from sistercity.partnerships.inbox import tasks_for

pytestmark = pytest.mark.django_db


def inbox(client, user):
    client.force_login(user)
    tree = lxml.html.fromstring(client.get("/en/tasks/").content)
    items = tree.xpath('//li[@data-test="task"]')
    count = tree.xpath('//*[@data-test="task-count"]')[0].text_content()
    return {
        i.text_content().split("\n")[0] + " | " + i.xpath(".//a")[0].text_content(): i.xpath(
            ".//a"
        )[0].get("href")
        for i in items
    }, int("".join(c for c in count if c.isdigit()))


def test_the_secretariat_sees_the_update_to_approve_and_her_overdue_action_item(sari, client):
    tasks, count = inbox(client, sari)
    assert count == len(tasks) == len(tasks_for(sari))
    approve = [t for t in tasks if t.startswith("Approve or return an update")]
    assert approve and "/programmes/waste-sorting-pilot/" in tasks[approve[0]]
    overdue = [t for t in tasks if "Kirim draf LoI ke Toyama" in t]
    assert overdue and overdue[0].startswith("overdue")  # the overdue come first
    assert list(tasks).index(overdue[0]) == 0


def test_the_author_is_not_asked_to_approve_his_own_update(budi, client):
    tasks, _count = inbox(client, budi)
    assert not [t for t in tasks if t.startswith("Approve")]


def test_a_returned_update_asks_its_author_to_correct_it(budi, sari, client):
    from sistercity.programs import services
    from sistercity.programs.models import IndicatorUpdate

    pending = IndicatorUpdate.objects.get(status="submitted", author=budi)
    services.update_return(actor=sari, update=pending, comment="Lampirkan daftar KK")
    tasks, _count = inbox(client, budi)
    assert [t for t in tasks if t.startswith("Correct a returned update")]
    assert not [t for t in inbox(client, sari)[0] if t.startswith("Approve")]


def test_applicants_and_reviewers_see_their_own_work(dewi, client):
    call = Call.objects.filter(is_published=True).first()
    draft = exchange.application_start(actor=dewi, call=call)
    tasks, count = inbox(client, dewi)
    complete = [t for t in tasks if t.startswith("Complete and submit your application")]
    assert complete and tasks[complete[0]].endswith(f"/applications/{draft.reference}/")
    assert count == len(tasks)


def test_nothing_waits_for_the_observer(observer, client):
    tasks, count = inbox(client, observer)
    assert tasks == {} and count == 0
