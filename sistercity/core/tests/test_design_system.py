"""The design system holds: pages take their look from the one stylesheet's tokens and
components (docs/design-system.md), not from inline styles or raw colours; destructive actions
use the danger variant and the other choices the secondary one."""

import re
from pathlib import Path

import lxml.html
import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]  # the sistercity package
STYLESHEET = ROOT / "static" / "css" / "sistercity.css"
# Documents printed by WeasyPrint carry their own stylesheet: they never load the site's.
PRINTED = re.compile(r"(_pdf|certificate|_report|report)\.html$")
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")


def page_templates():
    for path in sorted(ROOT.glob("**/templates/**/*.html")):
        if not PRINTED.search(path.name) and "/email/" not in str(path):
            yield path


def test_page_templates_have_no_inline_styles():
    offenders = [
        str(path.relative_to(ROOT))
        for path in page_templates()
        if re.search(r"\sstyle=|<style", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_stylesheets_use_tokens_not_raw_colours():
    """Raw colours live in the tokens of :root only; the rest of the stylesheet and the
    sectors' own stylesheets name tokens."""
    text = STYLESHEET.read_text(encoding="utf-8")
    tokens_end = text.index("}", text.index(":root"))
    rules = re.sub(r"/\*.*?\*/", "", text[tokens_end:], flags=re.S)
    assert HEX.findall(rules) == []
    for css in ROOT.glob("*/static/*/*.css"):
        if "vendor" not in css.parts:
            assert HEX.findall(css.read_text(encoding="utf-8")) == [], css
    defined = set(re.findall(r"(--[\w-]+):", text[:tokens_end]))
    used = set(re.findall(r"var\((--[\w-]+)\)", text))
    for css in ROOT.glob("*/static/*/*.css"):
        used |= set(re.findall(r"var\((--[\w-]+)\)", css.read_text(encoding="utf-8")))
    assert used <= defined, used - defined


def test_every_component_the_design_page_names_is_styled():
    text = STYLESHEET.read_text(encoding="utf-8")
    for selector in [".button.secondary", ".button.danger", "form.stacked", "form.filters",
                     "table.list", ".card", ".badge.warn", ".tabs", ".error-summary"]:  # fmt: skip
        assert selector in text, selector


@pytest.mark.django_db
def test_destructive_and_secondary_actions_use_their_variants(partnership, sari, client):
    client.force_login(sari)
    tree = lxml.html.fromstring(
        client.get(reverse("partnerships:detail", args=[partnership.slug])).content
    )
    buttons = {b.text_content().strip(): b.get("class") or "" for b in tree.iter("button")}
    send_back = next(label for label in buttons if "Kembalikan" in label or "Send back" in label)
    assert "secondary" in buttons[send_back].split()
    advance = tree.xpath('//button[starts-with(@data-test, "advance-")]')
    assert advance and not (advance[0].get("class") or "").strip()  # the primary default
