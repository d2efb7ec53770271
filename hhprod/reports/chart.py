"""The cumulative scheduled / planned / shot chart, drawn on the server as SVG (no script, no CDN)."""

from datetime import date

from django.template.loader import render_to_string

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
# The date labels: 11 px text, about 0.6 em a character, "Sep 2013" at most; a gap between two.
LABEL_FONT = 11
LABEL_CHARACTERS = len("Sep 2013")
LABEL_GAP = 12
# Months between two date labels, the first that leaves room at the chart's pixel width.
MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200, 2400, 6000]
SHORTEST_MONTH = 28


def label_width(characters=LABEL_CHARACTERS):
    return 0.6 * LABEL_FONT * characters


def month_ticks(start, end, pixels_per_day):
    """First days of months from `start` to `end`, spaced so that no two labels come closer than their width."""
    room = label_width() + LABEL_GAP
    step = next((s for s in MONTH_STEPS if s * SHORTEST_MONTH * pixels_per_day >= room), None)
    if step is None:
        return []
    month = start.year * 12 + start.month - 1
    month += -month % step  # a multiple of the step: labels fall on January, April... alike at any start
    ticks = []
    while month <= end.year * 12 + end.month - 1:
        tick = date(month // 12, month % 12 + 1, 1)
        if tick >= start:
            ticks.append(tick)
        month += step
    return ticks


def schedule_chart(scheduled, planned, shot, totals, breaks=(), today=None, baseline_finish=None):
    """SVG markup for three step lines of (date, days so far) pairs, with the long breaks shaded and named,
    today and the baseline's finish marked, and a text alternative.

    `totals` are the summary's own numbers (scheduled, planned now, shot), so the legend says what it says."""
    dates = [d for series in (scheduled, planned, shot) for d, _ in series]
    if not dates:
        return ""
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    pixels_per_day = (WIDTH - LEFT - RIGHT) / span
    top = max([n for series in (scheduled, planned, shot) for _, n in series] + [totals[0] or 0, 1])

    def x(day):
        return round(LEFT + (day - start).days * pixels_per_day, 1)

    def y(count):
        return round(HEIGHT - BOTTOM - count * (HEIGHT - TOP - BOTTOM) / top, 1)

    def points(series):
        return " ".join(f"{x(d)},{y(n)}" for d, n in series)

    y_step = max(10, int(round(top / 6, -1)))
    shown_breaks = [
        {"x": x(max(first, start)), "width": max(round(x(min(last, end)) - x(max(first, start)), 1), 1),
         "first": first, "last": last, "labelled": x(min(last, end)) - x(max(first, start)) >= label_width(6)}
        for first, last in breaks if last >= start and first <= end
    ]  # fmt: skip
    return render_to_string(
        "reports/schedule_chart.svg",
        {
            "width": WIDTH,
            "height": HEIGHT,
            "left": LEFT,
            "right": WIDTH - RIGHT,
            "top": TOP,
            "baseline": HEIGHT - BOTTOM,
            "scheduled_points": points(scheduled),
            "planned_points": points(planned),
            "shot_points": points(shot),
            "totals": dict(zip(("scheduled", "planned", "shot"), totals, strict=True)),
            "start": start,
            "end": end,
            "y_ticks": [(y(n), n) for n in range(0, top + 1, y_step)],
            "x_ticks": [(x(m), m) for m in month_ticks(start, end, pixels_per_day)],
            "breaks": shown_breaks,
            "today": x(today) if today and start <= today <= end else None,
            # Its label reads away from the nearer edge, so it is never cut off.
            "baseline_finish": (
                x(baseline_finish),
                baseline_finish,
                "start" if x(baseline_finish) < WIDTH / 2 else "end",
            )
            if baseline_finish
            else None,
        },
    )
