"""Open data: a ZIP of CSVs with everything public and nothing else, for anyone."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(demo):
    return build_plan(demo)


def _tables(content: bytes) -> dict[str, list[dict]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return {
        name[:-4]: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
        for name in archive.namelist()
        if name.endswith(".csv")
    }


def test_anyone_downloads_the_public_records_of_a_partnership(client, partnership, plan):
    response = client.get(reverse("programs:open_data", args=[partnership.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    tables = _tables(response.content)
    assert set(tables) == {
        "partnerships",
        "programmes",
        "activities",
        "results",
        "indicators",
        "periods",
        "spending",
    }
    programmes = {row["code"] for row in tables["programmes"]}
    assert "t-waste-sorting" in programmes
    assert "t-fire-training" not in programmes  # not public
    activities = {row["code"] for row in tables["activities"]}
    assert "training-2026" in activities
    assert "pilot-kelurahan" not in activities  # public programme, private activity
    assert "drill" not in activities
    indicators = {row["code"]: row for row in tables["indicators"]}
    assert "t-response-minutes" not in indicators
    assert indicators["t-officers-trained"]["actual"] == "12"  # approved only
    assert indicators["t-officers-trained"]["title_ja"] == "研修を受けた職員数"
    spending = {row["programme"]: row for row in tables["spending"]}
    # 150 000 000 IDR + 2 000 000 JPY at the demo's 105.20 IDR per yen, plus the activity line.
    assert spending["t-waste-sorting"]["budget_idr"] == str(150_000_000 + 210_400_000 + 25_000_000)
    assert "t-fire-training" not in spending
    readme = zipfile.ZipFile(io.BytesIO(response.content)).read("README.txt").decode()
    assert "approved updates only" in readme


def test_private_partnerships_have_no_open_data(client, other_partnership):
    assert client.get(reverse("programs:open_data", args=["kendal-kitakyushu"])).status_code == 404
    tables = _tables(client.get(reverse("programs:open_data_all")).content)
    assert {row["partnership"] for row in tables["partnerships"]} == {"batang-toyama"}


def test_open_data_page_lists_public_partnerships(client, partnership, other_partnership):
    page = client.get(reverse("programs:open_data_index")).content.decode()
    assert reverse("programs:open_data", args=["batang-toyama"]) in page
    assert "kendal-kitakyushu" not in page
