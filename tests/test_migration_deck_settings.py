"""Migration 0011 gives existing decks the new settings' defaults: no source details, not archived."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db


def test_existing_decks_keep_their_rows_and_are_not_archived(app_config, tmp_path):
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    with app.app_context():
        upgrade(revision="0006_sessions_fact_keys")
        db.session.execute(sa.text(
            "INSERT INTO decks (id, title, language, source_path, show_drafts, file_name, file_sha256, in_files, "
            "loaded_at) VALUES ('alt', 'Altes Deck', 'de', 'seeds/a.txt', false, 'alt.yaml', :sha, true, "
            "CURRENT_TIMESTAMP)"), {"sha": "0" * 64})
        db.session.commit()
        upgrade()
        row = db.session.execute(sa.text(
            "SELECT title, archived, source_url, source_attribution, source_licence FROM decks")).one()
        assert tuple(row) == ("Altes Deck", False, None, None, None)
        db.session.commit()  # end the read, or PostgreSQL's ALTER TABLE waits for it
        downgrade(revision="0006_sessions_fact_keys")
        assert db.session.execute(sa.text("SELECT title FROM decks")).scalar_one() == "Altes Deck"
        assert "archived" not in {c["name"] for c in sa.inspect(db.engine).get_columns("decks")}
        db.session.remove()
        db.engine.dispose()
