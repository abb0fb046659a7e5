"""Generating many articles: worker processes, other decks' names, per-file results."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from quizapp.bank.limits import BANK_MAX_BYTES
from quizapp.bank.reading import read_regular_file
from quizapp.bank.write import FileChanged, save_bank

from .distractors import KnownNames
from .errors import GenerationError
from .items import CLASS_TAG
from .merge import MergeResult, merge_deck
from .pipeline import deck_id_for, generate_deck, generate_deck_from_text


@dataclass
class FileResult:
    """The outcome for one article: the bank path and the merge, or an error message."""

    article: str
    bank: Path | None = None
    merge: MergeResult | None = None
    error: str | None = None


def other_decks_names(questions_dir: Path, exclude: set[str]) -> KnownNames:
    """Names answered in the other German decks' files: persons, and names by class tag (distractors for
    German articles; English ones use none, so their drafts do not change when other decks appear)."""
    persons: set[str] = set()
    by_class: dict[str, set[str]] = {}
    yaml = YAML(typ="safe")
    for path in sorted(questions_dir.glob("*.yaml")):
        if path.stem in exclude:
            continue
        try:
            data = yaml.load(read_regular_file(path, BANK_MAX_BYTES).decode("utf-8"))
            items = data.get("questions") or () if isinstance(data, dict) else ()
            deck = data.get("deck") if isinstance(data, dict) else None
            if isinstance(deck, dict) and deck.get("language", "de") != "de":
                items = ()  # only German decks use other decks' names, and only German ones
        except (OSError, UnicodeDecodeError, YAMLError):
            items = ()  # a broken bank is reported by its own loader, not here
        for item in items:
            if not isinstance(item, dict) or item.get("type") != "mcq" or not item.get("answer"):
                continue
            answer = str(item["answer"])
            if item.get("kind") == "person":
                persons.add(answer)
            for tag in item.get("tags") or ():
                if isinstance(tag, str) and tag.startswith(CLASS_TAG):
                    by_class.setdefault(tag[len(CLASS_TAG) :], set()).add(answer)
    return KnownNames(tuple(sorted(persons)), {cls: tuple(sorted(names)) for cls, names in sorted(by_class.items())})


def warm_up() -> None:
    """Load the German models and lexicons by generating a one-sentence article (what every deck needs)."""
    generate_deck_from_text("Der Bodensee ist mit 536 Quadratkilometern der größte See in Deutschland.\n")


def _generate(job: tuple[str, str, KnownNames]) -> dict | str:
    path, source_path, known = job
    try:
        return generate_deck(path, source_path=source_path, known=known)
    except GenerationError as error:
        return str(error)


def run(
    files: Sequence[str],
    questions_dir: Path,
    dry_run: bool = False,
    workers: int | None = None,
    root: Path | None = None,
) -> Iterator[FileResult]:
    """Generate and merge each file's deck, in the order given; worker processes when there are several."""
    root = root or Path.cwd()
    known = other_decks_names(questions_dir, {deck_id_for(Path(f)) for f in files})
    jobs = [(f, _relative(Path(f), root), known) for f in files]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers > 1:
        warm_up()  # loaded once here; the forked workers inherit the models instead of each loading them
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from (
                _finish(f, deck, questions_dir, dry_run) for f, deck in zip(files, pool.map(_generate, jobs))
            )
    else:
        yield from (_finish(f, _generate(job), questions_dir, dry_run) for f, job in zip(files, jobs))


def _finish(article: str, deck: dict | str, questions_dir: Path, dry_run: bool) -> FileResult:
    if isinstance(deck, str):
        return FileResult(article, error=deck)
    bank = questions_dir / f"{deck['deck']['id']}.yaml"
    try:
        merge = merge_deck(deck, bank)
    except GenerationError as error:
        return FileResult(article, bank, error=str(error))
    if merge.changed and not dry_run:
        bank.parent.mkdir(parents=True, exist_ok=True)
        try:  # locked, synced and refused if a teacher saved the file while this run merged it
            save_bank(bank, merge.text, merge.original_sha256)
        except FileChanged:
            return FileResult(article, bank, error=f"{bank}: changed while this run was merging it (a teacher "
                                                   "saved it?); left as it is, run the command again")
    return FileResult(article, bank, merge)


def _relative(path: Path, root: Path) -> str:
    """The article's path relative to the project root (else the working directory), with "/" separators."""
    for base in (root, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()
