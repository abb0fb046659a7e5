"""One number for one thing: home page, deck card, dashboard and summary agree, also after a retry."""

import re

from tests.sessions.test_session_flow import answer, start

DECK = "nordkorea-russland"


def figure(html: str, element_id: str) -> str:
    return re.search(rf'id="{element_id}">([^<]*)<', html).group(1).strip()


def test_counts_agree_across_pages_and_a_retry_does_not_inflate_them(app, client, forms, auth):
    auth.register("anna")
    run_url = start(forms, "10").headers["Location"]
    for n in range(10):
        answer(app, client, forms, run_url, right=n >= 3)  # fast right answers: Easy, due in days
    summary = client.get(run_url + "/summary").get_data(as_text=True)
    assert "Your score: 7 of 10" in summary or "7 von 10" in summary
    home = client.get("/").get_data(as_text=True)
    assert re.search(r"Review \(3 due\)|Wiederholen \(3 fällig\)", home)
    assert "Due today: 3 · new: 12" in home or "Heute fällig: 3 · neu: 12" in home
    assert "Right the first time: 7 of 10" in home or "Beim ersten Versuch richtig: 7 von 10" in home
    dashboard = client.get(f"/progress/decks/{DECK}").get_data(as_text=True)
    assert figure(dashboard, "count-due") == "3" and figure(dashboard, "count-new") == "12"
    assert figure(dashboard, "first-right") in ("7 of 10", "7 von 10")

    retry_url = forms.post(run_url + "/retry-missed", page=run_url + "/summary").headers["Location"]
    for _ in range(3):
        answer(app, client, forms, retry_url)
    retry_summary = client.get(retry_url + "/summary").get_data(as_text=True)
    assert "Your score: 3 of 3" in retry_summary or "3 von 3" in retry_summary
    home = client.get("/").get_data(as_text=True)
    assert "Right the first time: 7 of 10" in home or "Beim ersten Versuch richtig: 7 von 10" in home
    assert "Due today: 0 · new: 12" in home or "Heute fällig: 0 · neu: 12" in home
    assert re.search(r"Review \(0 due\)|Wiederholen \(0 fällig\)", home)
    assert "Next review:" in home or "Nächste Wiederholung:" in home  # nothing due: when it will be
    dashboard = client.get(f"/progress/decks/{DECK}").get_data(as_text=True)
    assert figure(dashboard, "count-due") == "0"
    assert figure(dashboard, "first-right") in ("7 of 10", "7 von 10")
    assert "Next review:" in dashboard or "Nächste Wiederholung:" in dashboard
