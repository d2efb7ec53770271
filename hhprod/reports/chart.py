"""The cumulative scheduled / planned / shot chart, drawn on the server as SVG (no script, no CDN)."""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils.timesince import timesince

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
# The date labels: 11 px text, about 0.6 em a character, "Sep 2013" at most; a gap between two.
LABEL_FONT = 11
LABEL_CHARACTERS = len("Sep 2013")
LABEL_GAP = 12
# Months between two date labels, the first that leaves room at the chart's pixel width.
MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200, 2400, 6000]
SHORTEST_MONTH = 28
# A gap of more than a year with no day in it is folded to a narrow band: a hiatus of months keeps its width.
FOLD_AFTER, FOLD_WIDTH = 365, 28


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


@dataclass
class Axis:
    """Dates to x: the days' stretches side by side, each gap of more than FOLD_AFTER days with no day in it
    folded to FOLD_WIDTH pixels, so a day added years after the shoot leaves the shoot its width."""

    stretches: list  # (first, last, x of first)
    pixels_per_day: float

    @classmethod
    def over(cls, dates):
        dates = sorted(set(dates))
        stretches = [[dates[0], dates[0]]]
        for day in dates[1:]:
            if (day - stretches[-1][1]).days > FOLD_AFTER:
                stretches.append([day, day])
            else:
                stretches[-1][1] = day
        days = sum(max((last - first).days, 1) for first, last in stretches)
        pixels_per_day = (WIDTH - LEFT - RIGHT - FOLD_WIDTH * (len(stretches) - 1)) / days
        placed, x = [], LEFT
        for first, last in stretches:
            placed.append((first, last, x))
            x += max((last - first).days, 1) * pixels_per_day + FOLD_WIDTH
        return cls(placed, pixels_per_day)

    def x(self, day):
        """A day in a fold falls in it in proportion; one outside the dates, at the nearer end."""
        if day <= self.stretches[0][0]:
            return float(LEFT)
        for (first, last, left), following in zip(self.stretches, [*self.stretches[1:], None], strict=True):
            if day <= last or following is None:
                return round(left + (min(day, last) - first).days * self.pixels_per_day, 1)
            if day < following[0]:
                end = left + max((last - first).days, 1) * self.pixels_per_day
                return round(end + FOLD_WIDTH * (day - last).days / (following[0] - last).days, 1)
        return float(WIDTH - RIGHT)

    def folds(self):
        """Each fold: where it is drawn, the last day before it and the first after it, and the gap in words."""
        return [
            {"x": round(following_left - FOLD_WIDTH, 1), "width": FOLD_WIDTH, "height": HEIGHT - TOP - BOTTOM,
             "last": last, "next": following_first,
             "gap": timesince(last, following_first, depth=1)}
            for (_, last, _), (following_first, _, following_left) in zip(
                self.stretches, self.stretches[1:], strict=False
            )
        ]  # fmt: skip

    def ticks(self):
        """Each stretch's first day (so a stretch between folds says when it is), then the first days of
        months, spaced so that no two labels come closer than their width; a label stays inside the chart."""
        room = label_width() + LABEL_GAP
        wanted = [first for first, _, _ in self.stretches]
        for first, last, _ in self.stretches:
            wanted += month_ticks(first, last, self.pixels_per_day)
        kept = []
        for day in wanted:
            at = min(self.x(day), WIDTH - label_width() / 2)
            if all(abs(at - x) >= room for x, _ in kept):
                kept.append((at, day))
        return sorted(kept)


def schedule_chart(scheduled, planned, shot, totals, breaks=(), today=None, baseline_finish=None):
    """SVG markup for three step lines of (date, days so far) pairs, with the long breaks shaded and named,
    long gaps folded, today and the baseline's finish marked, and a text alternative.

    `totals` are the summary's own numbers (scheduled, planned now, shot), so the legend says what it says."""
    dates = [d for series in (scheduled, planned, shot) for d, _ in series]
    if not dates:
        return ""
    start, end = min(dates), max(dates)
    # Today and the baseline's finish, when on the chart, keep their own stretch: never inside a fold.
    axis = Axis.over(dates + [day for day in (today, baseline_finish) if day and start <= day <= end])
    x = axis.x
    top = max([n for series in (scheduled, planned, shot) for _, n in series] + [totals[0] or 0, 1])

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
            "x_ticks": axis.ticks(),
            "folds": axis.folds(),
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
