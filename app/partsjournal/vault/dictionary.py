"""The personal word list: words the person taught the spell-checker, inside the encrypted file.

The spelling library (Enchant) can keep such words itself, but it writes them into a plain file in
the home folder (``~/.config/enchant/…``), where the journal's private vocabulary — names of
parts, of people, of places — would stay readable by anyone. So the app never lets it: the words
live in the ``personal_words`` table (schema version 3), encrypted, covered by backups, zeroed on
delete (``secure_delete``), and the checker holds them in memory only while the journal is open.
"""

from __future__ import annotations

import builtins
import unicodedata

from partsjournal.domain.model import utc_now
from partsjournal.errors import ValidationError
from partsjournal.vault.database import Database
from partsjournal.vault.timefmt import to_db

#: The longest word the list accepts.
MAX_WORD = 100


def check_word(word: str) -> str:
    """``word`` stripped and NFC-normalised, or ValidationError if it is not one plain word."""
    word = unicodedata.normalize("NFC", word.strip())
    if not word:
        raise ValidationError("word", "Type a word to add to your dictionary.")
    if len(word) > MAX_WORD:
        raise ValidationError("word", f"A word can be at most {MAX_WORD} characters long.")
    if any(unicodedata.category(c).startswith(("C", "Z")) for c in word):
        raise ValidationError("word", "Add one word at a time, without spaces or invisible "
                                      "characters.")
    return word


class PersonalWords:
    """Lists, adds and removes the words of the personal dictionary."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> builtins.list[str]:
        """Every word, in a stable, case-insensitive alphabetical order."""
        rows = self._db.all("SELECT word FROM personal_words")
        return sorted((str(r[0]) for r in rows), key=lambda w: (w.casefold(), w))

    def add(self, word: str) -> str:
        """Store ``word`` (again is fine); returns it as stored."""
        word = check_word(word)
        self._db.execute("INSERT OR IGNORE INTO personal_words (word, added_at) VALUES (?, ?)",
                         (word, to_db(utc_now())))
        return word

    def add_many(self, words: builtins.list[str]) -> None:
        """Store several words at once (an import), in one transaction."""
        checked = [check_word(w) for w in words]
        now = to_db(utc_now())
        with self._db.transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO personal_words (word, added_at) VALUES (?, ?)",
                [(w, now) for w in checked])

    def remove(self, word: str) -> None:
        """Forget ``word``; a word not in the list is no error."""
        self._db.execute("DELETE FROM personal_words WHERE word = ?",
                         (unicodedata.normalize("NFC", word.strip()),))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._db.one(
            "SELECT 1 FROM personal_words WHERE word = ?", (word,)) is not None
