"""The dashboard's three charts, with translated titles and descriptions that state the figures."""

from __future__ import annotations

from babel.dates import format_skeleton
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from quizapp.analytics.charts import NARROW, bar_chart, line_chart
from quizapp.operations.progress import Dashboard


def day_label(day) -> str:
    """Day and month the way the page's language writes them: 29.10. in German, 10/29 in English."""
    return format_skeleton("Md", day, locale=get_locale())


def answers_chart(dash: Dashboard) -> Markup:
    total = sum(d.answers for d in dash.days)
    active = sum(1 for d in dash.days if d.answers)
    desc = _("%(total)s answers in the last %(days)s days, on %(active)s of them.",
             total=total, days=len(dash.days), active=active)
    bars = [(day_label(d.day), d.answers) for d in dash.days]
    return both_sizes(bar_chart, "answers-per-day", _("Answers per day"), desc, bars, 5, 7, "chart-bars")


def accuracy_chart(dash: Dashboard) -> Markup:
    answers = sum(d.answers for d in dash.days)
    right = sum(d.right for d in dash.days)
    if answers:
        desc = _("Share of right answers per day; %(percent)s %% over the last %(days)s days.",
                 percent=round(100 * right / answers), days=len(dash.days))
    else:
        desc = _("No answers in the last %(days)s days.", days=len(dash.days))
    points = [(day_label(d.day), d.accuracy) for d in dash.days]
    return both_sizes(line_chart, "accuracy-over-time", _("Accuracy over time"), desc, points, 5, 7,
                      "chart-line")


def forecast_chart(dash: Dashboard) -> Markup:
    total = sum(n for _d, n in dash.forecast)
    desc = _("%(total)s reviews fall due in the next %(days)s days, %(today)s of them today.",
             total=total, days=len(dash.forecast), today=dash.forecast[0][1] if dash.forecast else 0)
    bars = [(_("Today") if i == 0 else day_label(day), n) for i, (day, n) in enumerate(dash.forecast)]
    return both_sizes(bar_chart, "review-forecast", _("Reviews due in the next 14 days"), desc, bars, 2, 3,
                      css="chart-bars chart-forecast")


def both_sizes(draw, chart_id: str, title: str, desc: str, data: list, every: int, every_narrow: int,
               css: str) -> Markup:
    """The chart drawn for a screen and again, narrower with fewer labels, for a phone (style.css shows
    one): one SVG scaled down to a phone would shrink its labels to 5 px."""
    wide = draw(chart_id, title, desc, data, label_every=every, css=f"{css} chart-wide")
    narrow = draw(f"{chart_id}-narrow", title, desc, data, label_every=every_narrow, width=NARROW,
                  all_values=False, css=f"{css} chart-narrow")
    return wide + narrow


def dashboard_charts(dash: Dashboard) -> dict[str, Markup]:
    return {"answers": answers_chart(dash), "accuracy": accuracy_chart(dash), "forecast": forecast_chart(dash)}
