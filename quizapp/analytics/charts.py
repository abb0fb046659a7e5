"""Accessible server-rendered SVG charts: role="img", <title>/<desc>, text labels, colours from CSS."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 220  # drawn at about this size on a screen
NARROW = 320  # the width of the phone variant (style.css shows one or the other)
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 22, 40


def frame(chart_id: str, title: str, desc: str, body: list[str], css: str, width: int = WIDTH) -> Markup:
    """The <svg> element around the drawn parts, labelled by its own title and description."""
    head = (f'<svg class="chart {css}" viewBox="0 0 {width} {HEIGHT}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(desc)}</desc>')
    return Markup(head + "".join(body) + "</svg>")


def text(x: float, y: float, content: object, css: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{css}" text-anchor="{anchor}">{escape(content)}</text>'


def axes(y_labels: list[tuple[float, str]], width: int = WIDTH) -> list[str]:
    """Horizontal grid lines with their labels at the given fractions of the plot height."""
    plot_h = HEIGHT - TOP - BOTTOM
    parts = []
    for fraction, label in y_labels:
        y = TOP + plot_h * (1 - fraction)
        parts.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="chart-grid"/>')
        parts.append(text(LEFT - 6, y + 4, label, "chart-axis", anchor="end"))
    return parts


def slots(count: int, width: int = WIDTH) -> tuple[float, list[float]]:
    """Width of one slot and the x of each slot's centre."""
    step = (width - LEFT - RIGHT) / max(1, count)
    return step, [LEFT + step * (i + 0.5) for i in range(count)]


def labelled(index: int, count: int, every: int) -> bool:
    """Whether slot `index` of `count` gets a label: every `every`-th counted back from the last (today).

    >>> [i for i in range(10) if labelled(i, 10, 4)]
    [1, 5, 9]
    """
    return (count - 1 - index) % every == 0


def x_labels(labels: list[str], centres: list[float], every: int) -> list[str]:
    return [text(x, HEIGHT - BOTTOM + 18, label, "chart-axis")
            for i, (label, x) in enumerate(zip(labels, centres)) if labelled(i, len(labels), every)]


def bar_chart(chart_id: str, title: str, desc: str, bars: list[tuple[str, int]],
              label_every: int = 1, css: str = "chart-bars", width: int = WIDTH,
              all_values: bool = True) -> Markup:
    """Bars with their value written above each non-empty bar (only above labelled slots without
    `all_values`, where a narrow chart has no room for every number).

    >>> svg = bar_chart("c", "Answers", "3 answers", [("Mo", 1), ("Di", 2)])
    >>> 'role="img"' in svg and "<title id=\\"c-title\\">Answers</title>" in svg and ">2</text>" in svg
    True
    """
    top = max([v for _l, v in bars] + [1])
    plot_h = HEIGHT - TOP - BOTTOM
    step, centres = slots(len(bars), width)
    parts = axes([(0, "0"), (1, str(top))], width)
    for i, ((label, value), x) in enumerate(zip(bars, centres)):
        height = plot_h * value / top
        y = TOP + plot_h - height
        bar = max(2.0, step * 0.7)
        parts.append(f'<rect x="{x - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                     f'class="chart-bar"><title>{escape(label)}: {value}</title></rect>')
        if value and (all_values or labelled(i, len(bars), label_every)):
            parts.append(text(x, y - 4, value, "chart-value"))
    parts += x_labels([label for label, _v in bars], centres, label_every)
    return frame(chart_id, title, desc, parts, css, width)


def line_chart(chart_id: str, title: str, desc: str, points: list[tuple[str, float | None]],
               label_every: int = 1, css: str = "chart-line", width: int = WIDTH,
               all_values: bool = True) -> Markup:
    """Shares (0..1) as a line in percent; days without data leave a gap; each point is labelled (without
    `all_values` only those on labelled slots)."""
    plot_h = HEIGHT - TOP - BOTTOM
    _step, centres = slots(len(points), width)
    parts = axes([(0, "0 %"), (0.5, "50 %"), (1, "100 %")], width)
    segment: list[str] = []
    segments: list[list[str]] = []
    for i, ((label, value), x) in enumerate(zip(points, centres)):
        if value is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        y = TOP + plot_h * (1 - value)
        segment.append(f"{x:.1f},{y:.1f}")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="chart-point">'
                     f'<title>{escape(label)}: {round(value * 100)} %</title></circle>')
        if all_values or labelled(i, len(points), label_every):
            parts.append(text(x, y - 8, f"{round(value * 100)}", "chart-value"))
    if segment:
        segments.append(segment)
    lines = [f'<polyline points="{" ".join(s)}" class="chart-path"/>' for s in segments if len(s) > 1]
    parts = parts[:6] + lines + parts[6:]  # the grid first, then lines, points on top
    parts += x_labels([label for label, _v in points], centres, label_every)
    return frame(chart_id, title, desc, parts, css, width)
