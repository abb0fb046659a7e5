"""Regeneration keeps teachers' work: approved, retired and edited items, comments and order; --dry-run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from quizapp.cli.generate import generate_command
from quizapp.generation.merge import bank_yaml

SEED = Path(__file__).resolve().parents[2] / "seeds" / "2025-07-nordkorea-russland.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the seed article, as the current directory."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def generate(*args: str):
    result = CliRunner().invoke(generate_command, ["seeds/" + SEED.name, *args])
    assert result.exit_code == 0, result.output
    return result


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_first_run_writes_the_bank_and_reports(project):
    result = generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    assert "added" in result.output and "zahl" in result.output
    data = load(bank)
    assert data["deck"]["source"]["path"] == "seeds/2025-07-nordkorea-russland.txt"
    assert {item["status"] for item in data["questions"]} == {"draft"}


def test_second_run_is_byte_identical(project):
    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    first = bank.read_bytes()
    result = generate()
    assert bank.read_bytes() == first
    assert "unchanged: 0 added" in result.output


def test_dry_run_writes_nothing(project):
    result = generate("--dry-run")
    assert "would update" in result.output
    assert not (project / "questions").exists()


def test_teachers_work_survives(project):
    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    yaml = bank_yaml()  # the layout the generator writes; a differently indented file is re-indented
    data = yaml.load(bank.read_text(encoding="utf-8"))
    questions = data["questions"]
    questions[0]["status"] = "approved"
    questions[1]["status"] = "retired"
    questions[2]["text"] = questions[2]["text"] + " (vom Lehrer bearbeitet)"
    removed = questions.pop(3)
    questions.insert(
        0,
        {
            "id": "own-item",
            "type": "cloze",
            "status": "approved",
            "text": "Die Grenze ist {{c1::17::Zahl}} Kilometer lang.",
            "source": {"sentence": removed["source"]["sentence"]},
        },
    )
    data.yaml_set_start_comment("Checked by Frau Huber")
    with bank.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    edited = bank.read_text(encoding="utf-8")

    generate()
    text = bank.read_text(encoding="utf-8")
    assert text.startswith("# Checked by Frau Huber")
    assert text.startswith(edited)  # everything the teacher wrote is unchanged, in order
    after = load(bank)["questions"]
    assert after[0]["id"] == "own-item"
    assert after[1]["status"] == "approved" and after[2]["status"] == "retired"
    assert after[3]["text"].endswith("(vom Lehrer bearbeitet)")
    assert after[-1]["id"] == removed["id"]  # the removed draft comes back as a new draft at the end
    assert len(after) == len(load(bank)["questions"])


def test_untouched_drafts_follow_the_generator_and_teachers_items_do_not(project):
    """A draft nobody edited (its fingerprint still matches) is rewritten when the generator now writes it
    differently and dropped when it no longer makes it; edited, commented and approved items stay as they are."""
    from quizapp.generation.ids import content_fingerprint

    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    yaml = bank_yaml()
    data = yaml.load(bank.read_text(encoding="utf-8"))
    questions = data["questions"]
    mcqs = [i for i, item in enumerate(questions) if item["type"] == "mcq"]
    current = {index: dict(questions[index]) for index in mcqs[:4]}

    def as_older_generator_wrote_it(index, **changes):
        """The item as an earlier generator version wrote it: other content, fingerprint to match."""
        for key, value in changes.items():
            questions[index][key] = value
        questions[index]["generated"] = content_fingerprint(questions[index])

    stale, edited, commented, approved = mcqs[:4]
    as_older_generator_wrote_it(stale, distractors=["alt 1", "alt 2", "alt 3"])
    questions[edited]["distractors"] = ["vom Lehrer 1", "vom Lehrer 2", "vom Lehrer 3"]  # fingerprint now differs
    as_older_generator_wrote_it(commented, distractors=["alt 4", "alt 5", "alt 6"])
    questions[commented].yaml_add_eol_comment("Distraktoren mit der Klasse besprechen", "distractors")
    as_older_generator_wrote_it(approved, distractors=["alt 7", "alt 8", "alt 9"])
    questions[approved]["status"] = "approved"
    gone = dict(questions[0]) | {"id": "nordkorea-russland-nicht-mehr-erzeugt-00000000"}
    gone["generated"] = content_fingerprint(gone)
    questions.append(gone)
    with bank.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)

    result = generate()
    assert "1 refreshed, 1 dropped" in result.output
    after = {item["id"]: item for item in load(bank)["questions"]}
    assert "nordkorea-russland-nicht-mehr-erzeugt-00000000" not in after
    assert after[current[stale]["id"]]["distractors"] == list(current[stale]["distractors"])
    assert after[current[edited]["id"]]["distractors"] == ["vom Lehrer 1", "vom Lehrer 2", "vom Lehrer 3"]
    assert after[current[commented]["id"]]["distractors"] == ["alt 4", "alt 5", "alt 6"]
    assert after[current[approved]["id"]]["distractors"] == ["alt 7", "alt 8", "alt 9"]
    assert "# Distraktoren mit der Klasse besprechen" in bank.read_text(encoding="utf-8")
    assert len(after) == len(questions) - 1  # only the draft the generator no longer makes is gone
    ordered = [item["id"] for item in load(bank)["questions"]]
    assert ordered.index(current[stale]["id"]) == stale  # refreshed where it was, not moved to the end


def test_banks_without_fingerprints_are_never_refreshed(project):
    """Files written before the fingerprint (or by hand) hold only teachers' items: nothing is rewritten."""
    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    yaml = bank_yaml()
    data = yaml.load(bank.read_text(encoding="utf-8"))
    for item in data["questions"]:
        del item["generated"]
    first = next(item for item in data["questions"] if item["type"] == "mcq")
    first["distractors"] = ["alt 1", "alt 2", "alt 3"]
    with bank.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    before = bank.read_bytes()
    result = generate()
    assert "0 refreshed, 0 dropped" in result.output and bank.read_bytes() == before


def test_a_save_made_while_the_generator_merges_is_kept(project, monkeypatch):
    """A teacher saves the bank in the browser while `quizapp generate` is merging it: the generator must not
    write its merge over that save; it says so and leaves the file as the teacher saved it."""
    import quizapp.generation.batch as batch

    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    data = load(bank)
    dropped_id = data["questions"][-1]["id"]
    bank.write_text(bank.read_text(encoding="utf-8").split(f"- id: {dropped_id}")[0], encoding="utf-8")
    real_merge = batch.merge_deck

    def merge_then_teacher_saves(deck, path):
        merged = real_merge(deck, path)
        path.write_text(path.read_text(encoding="utf-8") + "# saved by Frau Huber meanwhile\n", encoding="utf-8")
        return merged

    monkeypatch.setattr(batch, "merge_deck", merge_then_teacher_saves)
    result = CliRunner().invoke(generate_command, ["seeds/" + SEED.name])
    assert result.exit_code == 1
    assert "changed while this run was merging it" in result.output and "nordkorea-russland.yaml" in result.output
    assert bank.read_text(encoding="utf-8").endswith("# saved by Frau Huber meanwhile\n")
    assert dropped_id not in bank.read_text(encoding="utf-8")


def test_regenerating_keeps_the_files_permissions(project):
    """The web server may read the bank as another user: a rewrite must not narrow the file's mode."""
    generate()
    bank = project / "questions" / "nordkorea-russland.yaml"
    assert bank.stat().st_mode & 0o777 == 0o644
    data = load(bank)
    bank.write_text(bank.read_text(encoding="utf-8").split(f"- id: {data['questions'][-1]['id']}")[0],
                    encoding="utf-8")
    bank.chmod(0o664)
    result = generate()
    assert "updated" in result.output
    assert bank.stat().st_mode & 0o777 == 0o664
