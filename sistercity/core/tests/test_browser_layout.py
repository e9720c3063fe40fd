"""Phones and desks in a real Chromium: at 390 px no page of the persona × page list is wider
than the window (the tab bar and tables scroll inside themselves); at 1,280 px the header keeps
one row in every language and the scenario editor fits; destructive buttons look like danger,
not like the green primary."""

import pytest

from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

P = "/partnerships/batang-toyama"
W = "/waste/batang-toyama"
MEMBER_PAGES = [
    f"{P}/",
    f"{P}/results/",
    f"{P}/programmes/",
    f"{P}/programmes/waste-sorting-pilot/",
    f"{P}/meetings/",
    f"{P}/clauses/",
    f"{P}/documents/",
    f"{P}/deadlines/",
    f"{P}/exports/",
    f"{W}/",
    f"{W}/scenarios/toyama-style/",
    f"{W}/compare/",
    f"{W}/data/",
]
PERSONAS = {
    "sari@batang.example": [*MEMBER_PAGES, f"{P}/history/", f"{W}/scenarios/toyama-style/edit/"],
    "yamada@toyama.example": [f"{P}/", f"{P}/results/", f"{W}/scenarios/toyama-style/"],
    "budi@batang.example": [
        f"{P}/programmes/waste-sorting-pilot/",
        f"{W}/scenarios/toyama-style/edit/",
    ],
    "observer@kemendagri.example": [f"{P}/", f"{P}/history/", f"{W}/data/"],
    "dewi@student.example": ["/applications/", "/calls/"],
    None: ["/", "/municipalities/", "/calls/", "/accountability/batang-toyama/"],
}

WIDTH = "document.documentElement.scrollWidth"
# True when every child of the header crosses one horizontal line: a single row.
ONE_ROW = """() => {
  const boxes = [...document.querySelector('header.top').children]
    .filter(c => c.offsetParent).map(c => c.getBoundingClientRect());
  return Math.max(...boxes.map(b => b.top)) < Math.min(...boxes.map(b => b.bottom));
}"""


def open_as(browser, live_server, email, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    context.set_default_timeout(15_000)
    page = context.new_page()
    if email:
        page.goto(f"{live_server.url}/{language}/accounts/login/")
        page.fill("#id_username", email)
        page.fill("#id_password", "sistercity-demo")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
    return context, page


@pytest.fixture
def demo_site(live_server, browser):
    load_demo()
    return live_server


@pytest.mark.parametrize("language", ["id", "ja"])
def test_no_page_is_wider_than_a_phone(demo_site, browser, language):
    too_wide = []
    for email, paths in PERSONAS.items():
        context, page = open_as(browser, demo_site, email, language, 390)
        for path in paths:
            response = page.goto(f"{demo_site.url}/{language}{path}")
            assert response.status == 200, (email, path)
            if page.evaluate(WIDTH) > 390:
                too_wide.append((email, path, page.evaluate(WIDTH)))
        context.close()
    assert too_wide == []


def test_the_tab_bar_scrolls_inside_itself_on_a_phone(demo_site, browser):
    context, page = open_as(browser, demo_site, "sari@batang.example", "id", 390)
    page.goto(f"{demo_site.url}/id{P}/")
    tabs = page.locator("nav.tabs")
    assert tabs.evaluate("t => t.scrollWidth > t.clientWidth")  # more tabs than fit …
    assert tabs.evaluate("t => getComputedStyle(t).overflowX") == "auto"  # … and they scroll
    assert page.evaluate(WIDTH) <= 390
    context.close()


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_the_header_keeps_one_row_and_the_editor_fits_at_1280(demo_site, browser, language):
    for email in ("sari@batang.example", "rina@batang.example", "observer@kemendagri.example"):
        context, page = open_as(browser, demo_site, email, language, 1280)
        page.goto(f"{demo_site.url}/{language}/")
        assert page.evaluate(ONE_ROW), (email, language)
        context.close()
    context, page = open_as(browser, demo_site, "budi@batang.example", language, 1280)
    page.goto(f"{demo_site.url}/{language}{W}/scenarios/toyama-style/edit/")
    assert page.evaluate(WIDTH) <= 1280
    context.close()


def test_destructive_actions_look_like_danger_not_like_the_primary(demo_site, browser):
    context, page = open_as(browser, demo_site, "budi@batang.example", "en", 1280)
    page.goto(f"{demo_site.url}/en{W}/scenarios/toyama-style/edit/")
    style = "b => ['color', 'backgroundColor', 'borderColor'].map(k => getComputedStyle(b)[k])"
    danger = page.locator("[data-test=delete-scenario]").evaluate(style)
    primary = page.locator("[data-test=save-scenario]").evaluate(style)
    assert danger != primary
    assert danger[0] == "rgb(180, 35, 24)"  # the danger red, as text on white
    context.close()


def test_chart_text_stays_readable_on_a_phone(demo_site, browser):
    context, page = open_as(browser, demo_site, "budi@batang.example", "ja", 390)
    page.goto(f"{demo_site.url}/ja{W}/scenarios/toyama-style/")
    # The drawn size of a chart's text: its font size times how much the drawing shrank.
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg.chart[viewBox]')]
      .filter(svg => svg.querySelector('text'))
      .map(svg => parseFloat(getComputedStyle(svg.querySelector('text')).fontSize)
        * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)""")
    assert sizes and min(sizes) >= 9.5, sizes
    page.goto(f"{demo_site.url}/ja{P}/results/")
    label = page.locator("table.bar-chart th").first
    assert float(label.evaluate("th => parseFloat(getComputedStyle(th).fontSize)")) >= 14
    context.close()


# The drawn boxes of the Sankey's node labels (in the page's own font), and whether two meet.
SANKEY_LABELS = """() => {
  const boxes = [...document.querySelectorAll('svg[data-test=sankey] text[data-label]')]
    .map(t => t.getBoundingClientRect());
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const pairs = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => { if (meet(a, b)) pairs.push([a, b]); }));
  return [boxes.length, pairs.length];
}"""


@pytest.mark.parametrize("language", ["ja", "id"])
def test_sankey_labels_do_not_overlap_in_the_browser(demo_site, browser, language):
    context, page = open_as(browser, demo_site, "budi@batang.example", language, 1280)
    for year in (2026, 2045):  # 2026 has the overflow column: three columns of labels
        page.goto(f"{demo_site.url}/{language}{W}/scenarios/toyama-style/?year={year}")
        count, overlapping = page.evaluate(SANKEY_LABELS)
        assert count >= 4 and overlapping == 0, (year, count, overlapping)
    context.close()
