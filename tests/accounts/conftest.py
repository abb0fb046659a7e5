"""The progress tests' two small decks and `answer` builder, for the account tests' item statistics."""

from tests.progress.conftest import answer, app_config, questions_dir  # noqa: F401  (fixtures)
