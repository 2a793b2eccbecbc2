from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.errors import CardRejected
from partsjournal.exchange import card
from partsjournal.exchange.card import (
    ARMOR_BEGIN,
    ARMOR_END,
    ContactCard,
    parse_armored,
    parse_card,
    read_card,
    read_card_file,
    safety_number,
)
from partsjournal.exchange.identity import Identity


def reason(exc: pytest.ExceptionInfo[CardRejected]) -> str:
    return exc.value.reason


def test_binary_and_armored_round_trip(alice: Identity) -> None:
    mine = alice.card()
    assert parse_card(mine.to_bytes()) == mine
    assert parse_armored(mine.to_armored()) == mine
    assert read_card(mine.to_bytes()) == mine
    assert read_card(mine.to_armored().encode()) == mine
    armored = mine.to_armored()
    assert armored.startswith(ARMOR_BEGIN + "\n") and armored.endswith(ARMOR_END + "\n")
    body = armored.splitlines()[1:-1]
    assert all(len(line) <= 64 for line in body) and body[-1].startswith("=")


def test_armor_survives_what_pasting_does(alice: Identity) -> None:
    armored = alice.card().to_armored()
    lines = armored.splitlines()
    data = "".join(lines[1:-2])
    rewrapped = "\n".join([lines[0], *[data[i:i + 50] for i in range(0, len(data), 50)],
                           lines[-2], lines[-1]])
    pasted = ("Hi! Here is my card:\r\n\r\n" + "\r\n".join(f"   {line}  " for line in
                                                         rewrapped.splitlines())
              + "\r\n\r\nSee you Tuesday.")
    assert parse_armored(pasted) == alice.card()
    assert read_card(("\ufeff" + armored).encode()) == alice.card()  # a BOM from Notepad


def test_armor_errors_are_specific(alice: Identity, bob: Identity) -> None:
    armored = alice.card().to_armored()
    lines = armored.splitlines()
    cases = {
        "not_a_card": "just some text",
        "truncated": "\n".join(lines[:-1]),
        "multiple_cards": armored + bob.card().to_armored(),
        "checksum": "\n".join([*lines[:-2], lines[-1]]),
        "bad_base64": armored.replace(lines[2], lines[2][:10] + "*" + lines[2][11:]),
    }
    for expected, text in cases.items():
        with pytest.raises(CardRejected) as caught:
            parse_armored(text)
        assert reason(caught) == expected, expected
    # One changed letter in the data: the checksum catches it.
    flipped = lines[3][:5] + ("A" if lines[3][5] != "A" else "B") + lines[3][6:]
    with pytest.raises(CardRejected, match="checksum doesn't match") as caught:
        parse_armored(armored.replace(lines[3], flipped))
    assert reason(caught) == "checksum"


def test_binary_errors_are_specific(alice: Identity) -> None:
    good = alice.card().to_bytes()
    cases = {
        "not_a_card": b"GIF89a" + good[6:],
        "truncated": good[:8],
        "unknown_version": good[:6] + b"\x00" + good[7:],
        "future_version": good[:6] + b"\x09" + good[7:],
        "unsupported_kem": good[:7] + b"\x00\x10" + good[9:],
        "bad_name": good[:1257] + b"\x00\x00",
        "trailing_data": good + b"x",
        "too_large": good + bytes(card.MAX_CARD_FILE),
        "bad_key": good[:9] + b"\xff" * 1184 + good[1193:],
    }
    for expected, data in cases.items():
        with pytest.raises(CardRejected) as caught:
            parse_card(data)
        assert reason(caught) == expected, expected
    with pytest.raises(CardRejected, match="isn't valid text"):
        parse_card(good[:1257] + b"\x00\x02\xc3\x28")
    for cut in (9, 100, 1258, len(good) - 1):
        with pytest.raises(CardRejected) as caught:
            parse_card(good[:cut])
        assert reason(caught) == "truncated"


@pytest.mark.parametrize("name", ["", " Ada", "Ada ", "A\x00da", "Ada\u202e", "x" * 201,
                                  "line\nbreak"])
def test_bad_display_names_are_refused(alice: Identity, name: str) -> None:
    with pytest.raises(CardRejected) as caught:
        ContactCard(name, alice.kem_public, alice.auth_public)
    assert reason(caught) == "bad_name"


def test_html_in_a_name_is_kept_literally(alice: Identity) -> None:
    name = '<img src="file:///etc/passwd"> & <b>Ada</b>'
    made = ContactCard(name, alice.kem_public, alice.auth_public)
    assert parse_armored(made.to_armored()).display_name == name


def test_fingerprint_ignores_the_name(alice: Identity) -> None:
    assert alice.with_name("Someone else").card().fingerprint == alice.card().fingerprint
    fp = alice.fingerprint
    assert len(fp.grouped().split(" ")) == 16 and fp.matches(fp.hex[:6].upper())
    assert fp.matches(fp.grouped()[:9]) and not fp.matches("") and not fp.matches("xyz")


def test_safety_number_is_the_same_on_both_sides(alice: Identity, bob: Identity,
                                                 mallory: Identity) -> None:
    ab = safety_number(alice.fingerprint, bob.fingerprint)
    assert ab == safety_number(bob.fingerprint, alice.fingerprint)
    assert len(ab.digits) == 60 and ab.digits.isdigit()
    assert len(ab.groups) == 12 and all(len(g) == 5 for g in ab.groups)
    assert ab.rows() == [" ".join(ab.groups[i:i + 4]) for i in (0, 4, 8)]
    assert ab != safety_number(alice.fingerprint, mallory.fingerprint)


def test_read_card_file(tmp_path: Path, alice: Identity) -> None:
    binary, text = tmp_path / "a.pjcard", tmp_path / "a.txt"
    binary.write_bytes(alice.card().to_bytes())
    text.write_text(alice.card().to_armored())
    assert read_card_file(binary) == read_card_file(text) == alice.card()
    big = tmp_path / "big.pjcard"
    with open(big, "wb") as handle:
        handle.truncate(10 * 1024 * 1024)
    with pytest.raises(CardRejected) as caught:
        read_card_file(big)
    assert reason(caught) == "too_large"
    with pytest.raises(CardRejected) as caught:
        read_card_file(tmp_path / "missing.pjcard")
    assert reason(caught) == "unreadable"
    (tmp_path / "latin1.txt").write_bytes(b"\xff\xfe caf\xe9")
    with pytest.raises(CardRejected) as caught:
        read_card_file(tmp_path / "latin1.txt")
    assert reason(caught) == "not_a_card"


# Fuzzing: the parsers raise nothing but CardRejected ----------------------------------------

GOOD = Identity("Fuzz", bytes(range(32)), bytes(range(32, 64))).card()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes(data: bytes) -> None:
    for attempt in (data, card.CARD_MAGIC + data, GOOD.to_bytes()[:9] + data):
        try:
            read_card(attempt)
        except CardRejected:
            pass


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1300), st.integers(0, 255)), min_size=1, max_size=6),
       st.integers(0, 1300))
def test_fuzz_mutated_cards(edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(GOOD.to_bytes())
    for position, value in edits:
        data[position % len(data)] = value
    for attempt in (bytes(data), bytes(data[:cut])):
        try:
            parsed = parse_card(attempt)
        except CardRejected:
            continue
        assert parse_card(parsed.to_bytes()) == parsed


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_fuzz_armored_text(before: str, inside: str) -> None:
    for text in (before, f"{ARMOR_BEGIN}\n{inside}\n{ARMOR_END}",
                 f"{before}\n{ARMOR_BEGIN}\n{inside}\n={inside[:8]}\n{ARMOR_END}",
                 f"{ARMOR_BEGIN}\n{base64.b64encode(inside.encode()).decode()}\n=AAAAAAAA\n"
                 f"{ARMOR_END}"):
        try:
            parse_armored(text)
        except CardRejected:
            pass
