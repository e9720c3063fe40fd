"""Open data: a ZIP of CSVs with everything public and nothing else, for anyone."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from sistercity.reports.tests.plan import build_plan
from sistercity.testing import sector_registered

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
    # The platform's tables; each sector adds its own (culture events, investment offers …).
    assert set(tables) >= {
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


@pytest.fixture
def sector_table():
    """A sector's open-data table, registered for one test; the registry is restored after."""
    import datetime as dt
    from decimal import Decimal

    from sistercity.core.registry import OpenDataTable, Sector

    seen = []

    def rows(partnerships):
        seen.append([p.slug for p in partnerships])
        yield ["partnership", "event", "visitors", "held_on"]
        for p in partnerships:
            yield [
                p.slug,
                'Festival "Batang, Toyama" 祭り',
                Decimal("1200.50"),
                dt.date(2026, 8, 1),
            ]

    table = OpenDataTable("events.csv", rows)
    with sector_registered(Sector(app_label="culture_test", open_data_tables=[table])):
        yield seen


def test_a_registered_sector_table_lands_in_the_zip(client, partnership, plan, sector_table):
    response = client.get(reverse("programs:open_data", args=[partnership.slug]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names[-1] == "events.csv"  # after the tables of the results framework
    assert names.index("spending.csv") < names.index("events.csv")
    raw = archive.read("events.csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # the same UTF-8 with BOM as the other tables
    assert raw.decode("utf-8-sig").splitlines()[1] == (
        'batang-toyama,"Festival ""Batang, Toyama"" 祭り",1200.5,2026-08-01'
    )
    assert _tables(response.content)["events"] == [
        {
            "partnership": "batang-toyama",
            "event": 'Festival "Batang, Toyama" 祭り',
            "visitors": "1200.5",
            "held_on": "2026-08-01",
        }
    ]
    assert "events.csv" in archive.read("README.txt").decode()
    assert sector_table == [["batang-toyama"]]  # the sector is asked for public partnerships only
    everything = client.get(reverse("programs:open_data_all")).content
    assert "events" in _tables(everything)


def test_without_sector_tables_the_zip_holds_the_framework_tables_only(client, partnership):
    from sistercity.core.registry import Sector

    with sector_registered(Sector(app_label="culture_test"), alone=True):
        response = client.get(reverse("programs:open_data", args=[partnership.slug]))
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names[-1] == "README.txt"


def test_a_sector_table_may_not_replace_a_framework_table(partnership, sector_table):
    from sistercity.core.registry import OpenDataTable, Sector
    from sistercity.programs import opendata

    clash = OpenDataTable("programmes.csv", lambda partnerships: iter([]))
    with sector_registered(Sector(app_label="culture_test", open_data_tables=[clash])):
        with pytest.raises(ValueError, match="programmes.csv"):
            opendata.partnership_zip(partnership)


def test_open_data_may_be_cached_but_is_never_sniffed(client, partnership, plan):
    response = client.get(reverse("programs:open_data", args=[partnership.slug]))
    assert response["Content-Disposition"] == 'attachment; filename="batang-toyama-open-data.zip"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in response.get("Cache-Control", "")
