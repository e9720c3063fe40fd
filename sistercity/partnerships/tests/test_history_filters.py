"""The History tab for auditors: filtered by person, kind of object and days, paged with the
filters kept, and exported as CSV through the one CSV writer (a value that would run as a
spreadsheet formula is neutralised); refused filters are marked at their field."""

import datetime as dt

import lxml.html
import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from sistercity.core.spreadsheets import read_csv
from sistercity.partnerships import services
from sistercity.partnerships.models import Document, DocumentType
from sistercity.testing import db_snapshot, pdf_upload

pytestmark = pytest.mark.django_db

URL = "/en/partnerships/batang-toyama/history/"
CSV_URL = "/en/partnerships/batang-toyama/history/export.csv"


def shown_rows(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    return tree, [
        [td.text_content().strip() for td in tr.xpath("td")]
        for tr in tree.xpath('//tr[@data-test="history-row"]')
    ]


def test_filters_narrow_the_history_to_a_person_a_kind_and_days(
    partnership, observer, sari, client
):
    client.force_login(observer)
    tree, _everything = shown_rows(client)
    people = [o.text_content() for o in tree.xpath('//select[@id="id_who"]/option')]
    assert "Sari Wulandari" in people and len(people) > 2  # everyone, and who wrote the log
    _tree, hers = shown_rows(client, who=sari.pk)
    assert hers and {row[1] for row in hers} == {"Sari Wulandari"}
    document = ContentType.objects.get_for_model(Document)
    _tree, documents = shown_rows(client, kind=document.pk)
    assert documents and all(row[2].startswith("Document ·") for row in documents)
    newest = LogEntry.objects.filter(additional_data__partnership=partnership.pk).latest(
        "timestamp"
    )
    day = timezone.localtime(newest.timestamp).date()
    _tree, that_day = shown_rows(client, since=day.isoformat(), until=day.isoformat())
    assert that_day
    _tree, later = shown_rows(client, since=(day + dt.timedelta(days=1)).isoformat())
    assert later == []


def test_the_pager_keeps_the_filters(partnership, observer, sari, client):
    client.force_login(observer)
    tree, _rows = shown_rows(client, who=sari.pk)
    next_link = tree.xpath('//nav[@class="pager"]//a[@rel="next"]')
    assert next_link and f"who={sari.pk}" in next_link[0].get("href")
    assert f"who={sari.pk}" in tree.xpath('//a[@data-test="history-csv"]')[0].get("href")


def test_a_period_that_ends_before_it_starts_is_marked_at_the_end_date(observer, client):
    client.force_login(observer)
    tree, rows = shown_rows(client, since="2026-12-01", until="2026-11-01")
    field = tree.get_element_by_id("id_until")
    assert field.get("aria-invalid") == "true"
    assert "cannot be before the start date" in field.getparent().text_content()
    link = tree.get_element_by_id("error-summary").xpath('.//a[@href="#id_until"]')
    assert link and "cannot be before" in link[0].text_content()
    assert rows  # the history is still shown, unfiltered


def test_the_csv_export_holds_the_filtered_changes_with_formulas_neutralised(
    partnership, observer, sari, client
):
    services.document_upload(
        actor=sari,
        partnership=partnership,
        document_type=DocumentType.objects.get(code="loi"),
        title='=HYPERLINK("http://evil.example","click")',
        language="id",
        file=pdf_upload(),
    )
    client.force_login(observer)
    before = db_snapshot()
    response = client.get(CSV_URL, {"who": sari.pk})
    assert db_snapshot() == before
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # Japanese names open correctly in a spreadsheet
    cells = [line.split(",", 1)[0] for line in raw.decode("utf-8-sig").splitlines()]
    assert not any(cell.startswith("=") for cell in cells)
    assert "=HYPERLINK" not in raw.decode("utf-8-sig").replace("'=HYPERLINK", "")
    rows = read_csv(raw)
    assert rows[0] == [
        "When",
        "Time zone",
        "Who",
        "Kind",
        "Object",
        "Action",
        "Field",
        "Before",
        "After",
    ]
    assert len(rows) > 10 and {row[2] for row in rows[1:]} == {"Sari Wulandari"}
    titles = [row for row in rows if row[6] == "Title" and row[8].startswith("=HYPERLINK")]
    assert titles and titles[0][5] == "created"  # restored by our reader, quoted in the file
    assert any(row[6] == "SHA-256" or "sha" in row[6].lower() for row in rows)  # for auditors


@pytest.mark.parametrize("persona", ["budi", "dewi", "otto"])
def test_only_auditors_may_export(persona, demo, otto, client):
    client.force_login({**demo.users, "otto": otto}[persona])
    assert client.get(CSV_URL).status_code == 404
