"""Charts drawn on the server as SVG shapes (no script; the pages' CSP allows none): a country's years."""
from __future__ import annotations

from typing import Any

WIDTH, HEIGHT, BAR = 640, 160, 10  # the drawing's own units; the SVG scales to its box


def year_chart(years: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars per year, stages and events side by side, scaled to the largest count: {"width", "height", "bars":
    [{"x", "y", "height", "kind", "count", "year"}], "labels": [{"x", "year"}], "max"}. Years with nothing between
    the first and the last are kept, so that the axis is even."""
    if not years:
        return {"width": WIDTH, "height": HEIGHT, "bars": [], "labels": [], "max": 0}
    counts = {y["year"]: y for y in years}
    first, last = int(years[0]["year"]), int(years[-1]["year"])
    span = [str(year) for year in range(first, last + 1)]
    most = max(max(y["stages"], y["events"]) for y in years) or 1
    step = max(2 * BAR + 6, (WIDTH - 20) // len(span))
    width = max(WIDTH, 20 + step * len(span))
    bars, labels = [], []
    for n, year in enumerate(span):
        x = 10 + n * step
        for offset, kind in ((0, "stages"), (BAR + 1, "events")):
            count = counts.get(year, {}).get(kind, 0)
            height = round((HEIGHT - 30) * count / most)
            bars.append({"x": x + offset, "y": HEIGHT - 20 - height, "height": height, "kind": kind,
                         "count": count, "year": year})
        if n % (len(span) // 16 + 1) == 0:  # at most about 16 labels
            labels.append({"x": x + BAR, "year": year})
    return {"width": width, "height": HEIGHT, "bars": bars, "labels": labels, "max": most}
