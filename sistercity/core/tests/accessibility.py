"""The accessibility check the browser tests share: axe-core (vendored from the npm registry,
4.14.1, MPL-2.0: ``vendor/``) run in the page; its serious and critical violations."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def serious_violations(page, exclude: list[str] | None = None) -> list[str]:
    """axe's serious and critical violations on the page as loaded, each with its nodes."""
    # Evaluated through the browser's debugging protocol rather than added as a <script>: the
    # site's Content-Security-Policy refuses inline scripts, and rightly so.
    page.evaluate(AXE.read_text() + "\n;undefined")
    context = {"exclude": [[selector] for selector in exclude or []]}
    result = page.evaluate("async (context) => await axe.run(context)", context)
    return [
        f"{v['id']} ({v['impact']}): {[(n['target'], n.get('failureSummary')) for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
