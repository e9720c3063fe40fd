"""The results page's bar charts: every pillar's whole name (never cut), the numbers beside the
bars, and a legend saying which mark is the budget."""

import lxml.html
import pytest

from sistercity.core.models import Pillar

pytestmark = pytest.mark.django_db


def test_pillar_names_are_whole_and_the_budget_tick_has_a_legend(partnership, sari, client):
    client.force_login(sari)
    page = client.get(f"/en/partnerships/{partnership.slug}/results/")
    tree = lxml.html.fromstring(page.content)
    charts = tree.xpath('//figure[@class="bar-chart"]')
    assert len(charts) == 2
    labels = {th.text_content() for th in charts[0].xpath(".//th")}
    names = {str(p) for p in Pillar.objects.filter(programmes__partnership=partnership)}
    assert names and names <= labels  # whole names, not "Pendidikan & pertukar…"
    assert not any(label.endswith("…") for label in labels)
    spending = charts[1]
    assert spending.xpath('.//line[@data-test="target"]')  # the budget tick …
    legend = spending.xpath('.//*[@data-test="chart-legend"]')[0].text_content()
    assert "Budget" in legend and "Disbursed" in legend  # … and what it means
