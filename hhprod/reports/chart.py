"""The cumulative scheduled-vs-shot chart, drawn on the server as SVG (no script, no CDN)."""

from django.template.loader import render_to_string

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def schedule_chart(scheduled, shot, planned):
    """SVG markup for two step lines of (date, days so far) pairs, with a text alternative."""
    dates = [d for d, _ in scheduled] + [d for d, _ in shot]
    if not dates:
        return ""
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    top = max([n for _, n in scheduled] + [n for _, n in shot] + [planned or 0, 1])

    def x(day):
        return round(LEFT + (day - start).days * (WIDTH - LEFT - RIGHT) / span, 1)

    def y(count):
        return round(HEIGHT - BOTTOM - count * (HEIGHT - TOP - BOTTOM) / top, 1)

    def points(series):
        return " ".join(f"{x(d)},{y(n)}" for d, n in series)

    y_ticks = [(y(n), n) for n in range(0, top + 1, max(10, int(round(top / 6, -1))))]
    months = sorted({d.replace(day=1) for d in dates if d.replace(day=1) >= start})
    step = max(1, len(months) // 8)
    x_ticks = [(x(m), m) for m in months[::step]]
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
            "shot_points": points(shot),
            "scheduled_total": scheduled[-1][1] if scheduled else 0,
            "shot_total": shot[-1][1] if shot else 0,
            "start": start,
            "end": end,
            "y_ticks": y_ticks,
            "x_ticks": x_ticks,
        },
    )
