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


def test_every_interface_string_has_a_german_translation():
    """A new _() in the code or a template without a German entry fails here, naming the string."""
    from babel.messages.extract import extract_from_dir

    root = PO.parents[4]
    method_map = [("quizapp/**.py", "python"), ("quizapp/templates/**.html", "jinja2")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="de")
    missing = set()
    for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(root), method_map=method_map, keywords=keywords):
        key = message if isinstance(message, str) else message[0]
        entry = catalog.get(key)
        if entry is None or not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
            missing.add(f"{filename}: {key}")
    assert not missing, "add German translations to messages.po for:\n" + "\n".join(sorted(missing))


def test_login_prompt_for_a_protected_page_is_german(client):
    """A visitor sent to the login page from a protected page is told why, in the page's language."""
    response = client.get("/progress/history.csv", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Bitte melde dich an, um diese Seite zu sehen." in page
    assert "Please log in" not in page
