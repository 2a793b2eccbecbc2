"""The words for enum values are written once and cover every value; fill() fills in one pass."""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

import pytest

from partsjournal.domain import words
from partsjournal.domain.agreements import AgreementStatus
from partsjournal.domain.model import (
    PART_FEELINGS,
    SELF_FEELINGS,
    EntryKind,
    Feeling,
    PeerRole,
    Quality,
    RelationKind,
    Role,
    Stage,
)
from partsjournal.domain.words import fill

TABLES: list[tuple[Mapping[StrEnum, str], type[StrEnum]]] = [
    (words.ROLE_LABELS, Role), (words.ROLE_GROUP_LABELS, Role), (words.KIND_LABELS, EntryKind),
    (words.STAGE_LABELS, Stage), (words.RELATION_LABELS, RelationKind),
    (words.PEER_ROLE_LABELS, PeerRole), (words.QUALITY_LABELS, Quality),
    (words.FEELING_LABELS, Feeling), (words.AGREEMENT_STATUS_LABELS, AgreementStatus),
]
ROOT = Path(words.__file__).parents[1]


@pytest.mark.parametrize(("table", "enum"), TABLES, ids=lambda t: getattr(t, "__name__", ""))
def test_every_value_has_words(table: Mapping[StrEnum, str], enum: type[StrEnum]) -> None:
    assert set(table) == set(enum)
    assert all(label.strip() and label == label.strip() for label in table.values())
    assert len(set(table.values())) == len(table), "two values share the same words"


def test_the_feelings_split_into_selfs_and_other_parts() -> None:
    assert set(SELF_FEELINGS) | set(PART_FEELINGS) == set(Feeling)
    assert not set(SELF_FEELINGS) & set(PART_FEELINGS)


def _word_tables(path: Path) -> list[str]:
    return _word_tables_at(path, ROOT)


def _word_tables_at(path: Path, root: Path) -> list[str]:
    """Dict literals that map an enum's members to words (a string, or a call such as tr())."""
    enums = {enum.__name__ for _, enum in TABLES}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        keyed = all(isinstance(k, ast.Attribute) and isinstance(k.value, ast.Name)
                    and k.value.id in enums for k in node.keys)
        worded = any(isinstance(v, ast.Constant) and isinstance(v.value, str)
                     or isinstance(v, ast.Call) for v in node.values)
        if keyed and worded:
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_the_words_are_written_in_one_place_only() -> None:
    """No module but words.py maps an enum's values to words (Step, a flow's own enum, aside)."""
    found = [hit for path in sorted(ROOT.rglob("*.py")) if path.name != "words.py"
             for hit in _word_tables(path)]
    assert found == []


def test_the_table_check_sees_a_second_table(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('LABELS = {Role.EXILE: "Exile"}\n', encoding="utf-8")
    assert _word_tables_at(planted, tmp_path) == ["planted.py:1"]


def test_lupdate_finds_the_words_for_translators(tmp_path: Path) -> None:
    """QT_TRANSLATE_NOOP is what Qt's lupdate looks for, so the words reach translators."""
    lupdate = Path(__import__("PySide6").__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("PySide6's lupdate is not installed")
    ts = tmp_path / "words.ts"
    subprocess.run([str(lupdate), words.__file__, "-ts", str(ts)], check=True,
                   capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert "<name>Vocabulary</name>" in text
    for label in words.STAGE_LABELS.values():
        assert f"<source>{label}</source>" in text


def test_values_go_into_their_places() -> None:
    assert fill("%1 (%2's)", "Critic", "Sam") == "Critic (Sam's)"
    assert fill("Showing %1 of %2 parts.", 3, 12) == "Showing 3 of 12 parts."


def test_a_translation_may_put_the_values_in_another_order() -> None:
    assert fill("%2 teilte %1", "Critic", "Sam") == "Sam teilte Critic"


def test_a_value_is_never_read_as_a_placeholder() -> None:
    # A peer's part named "%2" (hostile or not) stays "%2"; chained str.replace would have
    # written the peer's name into it.
    assert fill("%1 (%2's)", "%2", "Sam") == "%2 (Sam's)"
    assert fill("Delete “%1” for good?", "%1%1") == "Delete “%1%1” for good?"


def test_a_placeholder_without_a_value_shows_instead_of_crashing() -> None:
    assert fill("%1 and %2", "one") == "one and %2"
