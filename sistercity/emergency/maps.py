"""An SVG map of a coverage scenario: villages (area by population, coloured covered or not),
posts (existing, newly chosen, unchosen candidates) and who serves whom. Drawn on the server
from the scenario's own inputs, so it needs no tiles, no script and no CDN."""

import math

WIDTH = 640
PADDING = 24


def _projector(points: list[tuple[float, float]]):
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mid = math.radians((min(lats) + max(lats)) / 2)
    # Equirectangular with the longitude shrunk by cos(latitude): fine over one regency.
    span_x = max((max(lons) - min(lons)) * math.cos(mid), 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    scale = (WIDTH - 2 * PADDING) / span_x
    height = int(span_y * scale + 2 * PADDING)

    def project(lat: float, lon: float) -> tuple[float, float]:
        x = PADDING + (lon - min(lons)) * math.cos(mid) * scale
        y = PADDING + (max(lats) - lat) * scale
        return round(x, 1), round(y, 1)

    return project, height


def scenario_map(scenario) -> dict | None:
    """What the map template draws; None when points lack coordinates."""
    inputs, results = scenario.inputs, scenario.results
    villages, sites = inputs.get("villages", []), inputs.get("sites", [])
    points = [tuple(x["point"]) for x in [*villages, *sites]]
    if not points or any(None in p for p in points):
        return None
    project, height = _projector(points)
    chosen = set(results.get("sites", []))
    site_xy = {}
    site_rows = []
    for site in sites:
        x, y = project(*site["point"])
        site_xy[site["code"]] = (x, y)
        state = (
            "existing"
            if site["kind"] == "existing"
            else ("chosen" if site["code"] in chosen else "candidate")
        )
        site_rows.append(
            {"code": site["code"], "name": site["name"], "x": x, "y": y, "state": state}
        )
    largest = max((v["population"] for v in villages), default=1) or 1
    village_rows = []
    for index, village in enumerate(villages):
        x, y = project(*village["point"])
        served = results["assignment"][index]
        sx, sy = site_xy[served]
        village_rows.append(
            {
                "code": village["code"],
                "name": village["name"],
                "x": x,
                "y": y,
                "r": round(4 + 10 * math.sqrt(village["population"] / largest), 1),
                "covered": results["covered"][index],
                "minutes": results["minutes"][index],
                "sx": sx,
                "sy": sy,
            }
        )
    return {"width": WIDTH, "height": height, "villages": village_rows, "sites": site_rows}
