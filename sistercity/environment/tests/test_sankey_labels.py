"""The Sankey's node labels never overlap, in any language: each label is wrapped (measured in
the shipped font) to the room before the next column, and each node is at least as tall as its
label. The boxes are measured in the SVG geometry of the demo's scenarios, in the years that
have the most nodes (2026: the waste-to-energy plant's share overflows to the landfill)."""

import lxml.etree
import pytest
from django.utils import translation

from sistercity.core.textwidth import text_width
from sistercity.environment import charts, results
from sistercity.environment.models import WasteScenario

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def label_boxes(svg):
    """(node, left, top, right, bottom) of every node label, and the node bars, and the
    drawing's width and height."""
    root = lxml.etree.fromstring(str(svg).encode())
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    boxes = []
    for text in root.iter(f"{SVG}text"):
        if not text.get("data-label"):
            continue
        lines = [t.text or "" for t in text.iter(f"{SVG}tspan")]
        left = float(text.get("x"))
        baseline = float(text.get("y"))
        right = left + max(text_width(line, charts.FONT_SIZE) for line in lines)
        top = baseline - charts.FONT_SIZE
        bottom = baseline + (len(lines) - 1) * charts.LABEL_LINE + 0.25 * charts.FONT_SIZE
        boxes.append((text.get("data-label"), left, top, right, bottom))
    bars = [
        (r.get("data-node"), float(r.get("x")), float(r.get("y")),
         float(r.get("x")) + float(r.get("width")), float(r.get("y")) + float(r.get("height")))
        for r in root.iter(f"{SVG}rect") if r.get("data-node")
    ]  # fmt: skip
    return boxes, bars, width, height


def overlap(a, b) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize("language", ["ja", "id", "en"])
@pytest.mark.parametrize("code", ["toyama-style", "open-dump-today"])
@pytest.mark.parametrize("year", [2026, 2045])
def test_sankey_labels_never_overlap_each_other_or_the_bars(demo, language, code, year):
    scenario = WasteScenario.objects.get(code=code)
    with translation.override(language):
        svg = results.build_charts(results.build(scenario, sankey_year=year))["sankey"]
    boxes, bars, width, height = label_boxes(svg)
    assert len(boxes) == len(bars) >= 4
    for i, a in enumerate(boxes):
        assert 0 <= a[1] and a[3] <= width and 0 <= a[2] and a[4] <= height, a  # inside
        for b in boxes[i + 1 :]:
            assert not overlap(a, b), (a, b)
        for bar in bars:
            assert not overlap(a, bar), (a, bar)


def test_a_long_japanese_label_wraps_to_the_room_before_the_next_column():
    links = [
        {"source": "generated", "target": "incineration", "tonnes": 365.0},
        {"source": "generated", "target": "recycling", "tonnes": 36.5},
        {"source": "incineration", "target": "landfill_managed_anaerobic", "tonnes": 100.0},
    ]
    labels = {
        "generated": "発生量",
        "incineration": "焼却（廃棄物発電施設、エネルギー回収あり）",
        "recycling": "リサイクル",
        "landfill_managed_anaerobic": "管理型埋立処分場（嫌気性）",
    }
    svg = charts.sankey(links=links, labels=labels, title="t", test="s")
    boxes, bars, width, _height = label_boxes(svg)
    incineration = next(b for b in boxes if b[0] == "incineration")
    landfill_bar = next(b for b in bars if b[0] == "landfill_managed_anaerobic")
    assert incineration[3] < landfill_bar[1]  # ends before the next column's bar
    root = lxml.etree.fromstring(str(svg).encode())
    text = next(t for t in root.iter(f"{SVG}text") if t.get("data-label") == "incineration")
    assert len(list(text.iter(f"{SVG}tspan"))) > 1  # wrapped, not cut
    assert "".join(t.text for t in text.iter(f"{SVG}tspan")).startswith(labels["incineration"])
