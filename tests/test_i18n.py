"""The interface speaks German first, English when the browser or the learner asks for it."""

from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parent.parent / "quizapp" / "translations" / "de" / "LC_MESSAGES" / "messages.po"


def test_german_is_the_default(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Anmelden" in page and 'lang="de"' in page


def test_browser_language_english(client):
    page = client.get("/auth/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert "Log in" in page and 'lang="en"' in page


def test_switch_on_the_page_wins_over_the_browser(client, forms):
    response = forms.post("/language/en", {"next": "/auth/register"})
    assert response.headers["Location"] == "/auth/register"
    page = client.get("/auth/register", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "Repeat password" in page


def test_language_switch_never_redirects_off_site(forms):
    response = forms.post("/language/de", {"next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_every_german_message_is_translated():
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert untranslated == []
