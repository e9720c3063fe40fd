"""Everything is reachable by keyboard: on the main pages of the public and of the secretariat,
Tab alone visits every visible link, button and field, in the order of the page, and the
focused element is visibly marked (an outline or a ring)."""

import pytest

from sistercity.conftest import log_in
from sistercity.demo.data import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

P = "/partnerships/batang-toyama"
PAGES = {
    None: ["/", "/calls/", "/accountability/batang-toyama/"],
    "sari@batang.example": [
        "/tasks/",
        f"{P}/",
        f"{P}/results/",
        f"{P}/meetings/",
        "/waste/batang-toyama/scenarios/toyama-style/edit/",
    ],
}

# Marks every element a keyboard user must reach and returns how many there are.
MARK = """() => {
  const selector =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    const hidden = !el.getClientRects().length || style.visibility === 'hidden';
    const skipped = el.getAttribute('tabindex') === '-1' || el.closest('[inert]');
    if (hidden || el.disabled || skipped) continue;
    if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
    el.dataset.kb = String(n++);
  }
  return n;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || !el.dataset.kb) return null;
  const style = getComputedStyle(el);
  const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
  return [el.dataset.kb, marked, el.outerHTML.slice(0, 120)];
}"""


def _walk(page) -> tuple[int, set[str], list[str]]:
    total = page.evaluate(MARK)
    reached, unmarked = set(), []
    page.locator("body").focus()
    for _ in range(total + 15):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused:
            index, marked, html = focused
            reached.add(index)
            if not marked:
                unmarked.append(html)
        if len(reached) == total:
            break
    return total, reached, unmarked


def test_tab_reaches_every_control_and_shows_where_it_is(live_server, browser):
    load_demo()
    missed, unmarked = {}, {}
    for email, paths in PAGES.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        if email:
            log_in(page, live_server, email, "id")
        for path in paths:
            page.goto(f"{live_server.url}/id{path}")
            total, reached, not_marked = _walk(page)
            assert total > 5, path
            if len(reached) < total:
                missed[path] = sorted(set(map(str, range(total))) - reached, key=int)[:10]
            if not_marked:
                unmarked[path] = not_marked[:5]
        context.close()
    assert missed == {}
    assert unmarked == {}
