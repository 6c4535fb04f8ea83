"""Entities across pages: spellings and scripts join, look-alikes stay apart, people's corrections win."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, HELDOUT, run_maktub
from maktub.entities.gazetteer import key
from maktub.entities.spelling import joined, skeleton
from maktub.entities.urdu import urdu_names

FLOORS = json.loads((CORPUS.parent / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "a,b",
    [
        ("Asif Zardari", "Asif Zaradri"),
        ("Yousaf Raza Gilani", "Yousaf Raza Gilliani"),
        ("Naeem Akhtar", "Naeem Akthar"),
        ("Zulfiqar Mirza", "Zulifqar Mirza"),
        ("Muttahida Qaumi Movement", "Mutahida Quami Movement"),
        ("Altaf Hussain", "الطاف حسین"),
        ("Islamabad", "اسلام آباد"),
        ("Khawaja Junaid Afzal", "خواجہ جنید افضل"),
    ],
)
def test_spelling_variants_and_urdu_script_share_a_skeleton(a, b):
    assert joined(skeleton(a)) == joined(skeleton(b))


@pytest.mark.parametrize(
    "a,b", [("Imran Qadri", "Imran Qadir"), ("Nadeem Baig", "Asad Baig"), ("Lahore", "Lahori")]
)
def test_different_names_do_not(a, b):
    assert joined(skeleton(a)) != joined(skeleton(b))


def test_urdu_names_are_found_by_their_cues():
    text = (
        "عوامی انصاف فرنٹ کے چیئرمین فرحت رضوی نے آج بجٹ کو مسترد کر دیا۔ "
        "وزیراعلیٰ پنجاب رانا نعیم اختر کی زیر صدارت اجلاس ہوا۔ انہوں نے کہا کہ حکومت نے وعدہ پورا نہیں کیا۔"
    )
    found = {(n.surface, n.type) for n in urdu_names(text)}
    assert ("فرحت رضوی", "person") in found
    assert ("رانا نعیم اختر", "person") in found
    assert ("عوامی انصاف فرنٹ", "organization") in found
    # Pronouns and common nouns before نے are no names.
    assert not any(n.startswith(("انہوں", "حکومت")) for n, _ in found)


def _entities(*paths, corrections) -> list[dict]:
    proc = run_maktub("entities", "--format", "json", "--corrections", str(corrections), *map(str, paths))
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _owner(entities: list[dict]) -> dict[str, set[int]]:
    owner: dict[str, set[int]] = {}
    for i, e in enumerate(entities):
        for form in [e["name"], *e["aliases"]]:
            owner.setdefault(key(form), set()).add(i)
    return owner


@pytest.fixture(scope="module")
def corpus_entities(tmp_path_factory) -> list[dict]:
    return _entities(CORPUS, corrections=tmp_path_factory.mktemp("c") / "none.jsonl")


def test_gold_look_alikes_stay_apart(corpus_entities):
    owner = _owner(corpus_entities)
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))["across_pages"]
    for a, b in gold["distinct"]:
        assert not (owner.get(key(a), set()) & owner.get(key(b), set())), f"{a} and {b} were joined"


@pytest.mark.parametrize("corpus", [CORPUS, HELDOUT], ids=["corpus", "heldout"])
def test_gold_same_as_groups_end_in_one_entity(corpus, tmp_path):
    entities = corpus_entities_for(corpus, tmp_path)
    owner = _owner(entities)
    groups = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))["across_pages"]["same_as"]
    whole = 0
    for group in groups:
        found = [owner[key(n)] for n in group if key(n) in owner]
        if len(found) == len(group) and len(set.intersection(*found)) >= 1:
            whole += 1
    floor = FLOORS["entities_across_pages"][corpus.name]
    assert whole / len(groups) >= floor, f"{whole}/{len(groups)} groups whole, floor {floor}"


def corpus_entities_for(corpus, tmp_path) -> list[dict]:
    return _entities(corpus, corrections=tmp_path / "none.jsonl")


def _page(folder, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture()
def two_qadris(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    _page(
        pages, "a.txt", "Police chief\n\nSSP Imran Qadri said on Monday that the inquiry would finish soon.\n"
    )
    _page(
        pages,
        "b.txt",
        "Court hearing\n\nThe lawyer, Mr. Imran Qadir, told the court in Karachi that he objected.\n",
    )
    return pages


def test_corrections_merge_undo_split_rename_and_type(two_qadris, tmp_path):
    store = tmp_path / "corrections.jsonl"
    names = {e["name"] for e in _entities(two_qadris, corrections=store) if e["type"] == "person"}
    assert {"Imran Qadri", "Imran Qadir"} <= names  # look-alikes stay apart on their own

    proc = run_maktub(
        "correct", "merge", "Imran Qadri", "Imran Qadir", "--corrections", str(store), "--note", "same"
    )
    assert proc.returncode == 0, proc.stderr
    merged = [e for e in _entities(two_qadris, corrections=store) if e["name"] == "Imran Qadri"]
    assert len(merged) == 1 and "Imran Qadir" in merged[0]["aliases"]
    assert merged[0]["merges"][0]["rule"] == "correction"

    explained = run_maktub(
        "entities", "--corrections", str(store), "--explain", "Imran Qadir", str(two_qadris)
    )
    assert "correction #1" in explained.stdout and "same" in explained.stdout

    assert run_maktub("correct", "undo", "1", "--corrections", str(store)).returncode == 0
    names = {e["name"] for e in _entities(two_qadris, corrections=store)}
    assert {"Imran Qadri", "Imran Qadir"} <= names

    assert (
        run_maktub(
            "correct", "rename", "Imran Qadri", "Imran Ali Qadri", "--corrections", str(store)
        ).returncode
        == 0
    )
    assert (
        run_maktub("correct", "type", "Karachi", "organization", "--corrections", str(store)).returncode == 0
    )
    found = {e["name"]: e["type"] for e in _entities(two_qadris, corrections=store)}
    assert found.get("Imran Ali Qadri") == "person" and found.get("Karachi") == "organization"

    listed = run_maktub("correct", "list", "--corrections", str(store)).stdout
    assert "(undone)" in listed and listed.count("\n") == 4


def test_a_split_keeps_spelling_variants_apart(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    _page(pages, "a.txt", "Statement\n\nMr. Farhat Rizvi, chairman of the front, spoke in Karachi.\n")
    _page(pages, "b.txt", "Report\n\nMr. Farhat Rizwi, a trader from Hyderabad, disagreed.\n")
    store = tmp_path / "c.jsonl"
    joined_ = [
        e for e in _entities(pages, corrections=store) if e["name"] in {"Farhat Rizvi", "Farhat Rizwi"}
    ]
    assert len(joined_) == 1 and joined_[0]["merges"][0]["rule"] == "spelling"
    assert (
        run_maktub("correct", "split", "Farhat Rizvi", "Farhat Rizwi", "--corrections", str(store)).returncode
        == 0
    )
    apart = [e for e in _entities(pages, corrections=store) if e["name"] in {"Farhat Rizvi", "Farhat Rizwi"}]
    assert len(apart) == 2


def test_a_broken_corrections_file_is_one_line_naming_it(two_qadris, tmp_path):
    store = tmp_path / "bad.jsonl"
    store.write_text('{"op": "merge", "names": ["A", "B"]}\nnot json\n', encoding="utf-8")
    proc = run_maktub("entities", "--corrections", str(store), str(two_qadris))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "bad.jsonl: line 2" in proc.stderr
    refused = run_maktub("correct", "type", "Karachi", "planet", "--corrections", str(store))
    assert refused.returncode == 2


def test_relations_are_letters_copies_and_claims_with_who_makes_them(tmp_path):
    proc = run_maktub(
        "relations", "--format", "json", "--corrections", str(tmp_path / "c.jsonl"), str(CORPUS)
    )
    assert proc.returncode == 0, proc.stderr
    edges = [json.loads(line) for line in proc.stdout.splitlines()]
    kinds = {e["kind"] for e in edges}
    assert {"letter", "cc", "claim"} <= kinds
    assert any(
        e["kind"] == "letter" and e["source"] == "Kamran Aftab" and e["target"] == "Zubair Ansari"
        for e in edges
    )
    # A claim is stored as said by someone, with the sentence that says it.
    claims = [e for e in edges if e["kind"] == "claim"]
    assert all(e["source"] and e["examples"] for e in claims)


def test_places_carry_coordinates_country_flag_and_population(corpus_entities):
    karachi = next(e for e in corpus_entities if e["name"] == "Karachi")
    place = karachi["place"]
    assert place["country"] == "PK" and place["flag"] == "\U0001f1f5\U0001f1f0"
    assert 24 < place["latitude"] < 26 and place["population"] > 10_000_000


def test_the_gazetteer_takes_slips_of_a_known_name_but_not_look_alikes():
    from maktub.entities.gazetteer import find_known, find_known_fuzzy

    assert find_known("Ansar Abbasi") is not None
    assert find_known_fuzzy("Anwar Abbasi") is None  # another person, one letter apart
    assert find_known_fuzzy("Yousaf Raza Gilliani").name == "Yusuf Raza Gilani"
    assert find_known_fuzzy("Talibans").name == "Taliban"
