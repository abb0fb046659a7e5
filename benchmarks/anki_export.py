"""Anki export of 10,000 items: time and peak memory, and the ratio to bare genanki writing the same notes.

Run: /work/venv/bin/python benchmarks/anki_export.py [--items N] [--repeat R]
Both writers run in this one process, alternately, and the best of R runs counts (aim: ratio <= 1.2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import tracemalloc
from pathlib import Path

import genanki

from quizapp.anki import ExportDeck, ExportItem, item_note, write_package

CHANGED = dt.datetime(2025, 8, 1, 9, 0)


def sample_deck(n: int) -> ExportDeck:
    """Half cloze items with a hint, half multiple choice, with `<` and `&` in places."""
    items = []
    for i in range(n):
        sentence = f"Satz {i}: Die Grenze ist {i % 97} Kilometer lang & führt über den Fluss Tumen <Nord>."
        if i % 2:
            items.append(ExportItem(
                id=f"bench-{i}", type="cloze", status="approved", source_sentence=sentence, changed_at=CHANGED,
                text=f"Satz {i}: Die Grenze ist {{{{c1::{i % 97}::Zahl}}}} Kilometer lang & führt über "
                     f"den Fluss {{{{c2::Tumen::Fluss}}}} <Nord>.",
                answer=str(i % 97), kind="zahl", tags=("grenze",)))
        else:
            items.append(ExportItem(
                id=f"bench-{i}", type="mcq", status="approved", source_sentence=sentence, changed_at=CHANGED,
                text=f"Satz {i}: Die Grenze führt über den Fluss ____ <Nord>.", answer="Tumen",
                distractors=("Amur", "Jalu", "Ussuri"), explanation="Laut Artikel & Karte.", kind="ort"))
    return ExportDeck("benchmark", "Benchmark", tuple(items))


def bare_inputs(deck: ExportDeck) -> list[tuple]:
    """The same notes as plain (model, fields, tags, question id) tuples, prepared before the clock starts."""
    return [(note.model, list(note.fields), list(note.tags), item.id)
            for item, note in ((i, item_note(i, deck.id, deck.title)) for i in deck.items)]


def ours(deck: ExportDeck, path: Path, timestamp: int) -> None:
    write_package([deck], path, timestamp=timestamp)


def bare(inputs: list[tuple], path: Path, timestamp: int) -> None:
    anki_deck = genanki.Deck(1_234_567_890, "quizapp::Benchmark")
    for model, fields, tags, question_id in inputs:
        guid = genanki.guid_for("quizapp", question_id)  # stable GUIDs: what any careful genanki user writes
        anki_deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=guid))
    genanki.Package(anki_deck).write_to_file(str(path), timestamp=timestamp)


def timed(fn, *args) -> tuple[float, float]:
    """Wall-clock and CPU seconds; CPU time is steadier when other work shares the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_mib(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    deck = sample_deck(args.items)
    inputs = bare_inputs(deck)
    timestamp = int(CHANGED.replace(tzinfo=dt.UTC).timestamp())
    with tempfile.TemporaryDirectory() as scratch:
        ours_path, bare_path = Path(scratch) / "ours.apkg", Path(scratch) / "bare.apkg"
        ours_times, bare_times = [], []
        for _ in range(args.repeat):
            ours_times.append(timed(ours, deck, ours_path, timestamp))
            bare_times.append(timed(bare, inputs, bare_path, timestamp))
        ours_peak = peak_mib(ours, deck, ours_path, timestamp)
        bare_peak = peak_mib(bare, inputs, bare_path, timestamp)
        ours_size, bare_size = ours_path.stat().st_size, bare_path.stat().st_size
    best_ours, best_bare = min(t[0] for t in ours_times), min(t[0] for t in bare_times)
    cpu_ours, cpu_bare = min(t[1] for t in ours_times), min(t[1] for t in bare_times)
    notes, cards = len(deck.items), sum(2 if i.type == "cloze" else 1 for i in deck.items)
    print(f"items: {notes} notes, {cards} cards; best of {args.repeat} runs each, alternating")
    print(f"quizapp export: {best_ours:.3f} s ({cpu_ours:.3f} s CPU), peak {ours_peak:.1f} MiB (tracemalloc), file {ours_size / 2**20:.1f} MiB")
    print(f"bare genanki:   {best_bare:.3f} s ({cpu_bare:.3f} s CPU), peak {bare_peak:.1f} MiB (tracemalloc), file {bare_size / 2**20:.1f} MiB")
    print(f"ratio time: {best_ours / best_bare:.2f}x wall, {cpu_ours / cpu_bare:.2f}x CPU (aim <= 1.2x)")
    print(f"ratio peak memory: {ours_peak / bare_peak:.2f}x (ours builds the fields inside the measurement;"
          " bare genanki gets them ready-made)")
    print(f"throughput: {notes / best_ours:,.0f} items/s")


if __name__ == "__main__":
    main()
