"""Schema versions on ``PRAGMA user_version`` and the migrations between them.

The tables are described in docs/vault-format.md.

Each migration runs in one transaction after an automatic backup (see :mod:`vault.vault`). A vault
whose version is newer than :data:`LATEST` is refused, because this release would not know what
its newer tables mean.
"""

from __future__ import annotations

from collections.abc import Callable

from partsjournal.errors import VaultFromNewerVersion
from partsjournal.vault.database import Database

SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE parts (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('manager','firefighter','exile','unknown')),
    job           TEXT NOT NULL DEFAULT '',
    fears         TEXT NOT NULL DEFAULT '',
    age           TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    appearance    TEXT NOT NULL DEFAULT '',
    burdens       TEXT NOT NULL DEFAULT '',
    needs         TEXT NOT NULL DEFAULT '',
    triggers      TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    color         TEXT NOT NULL DEFAULT '',
    trust_in_self INTEGER CHECK (trust_in_self BETWEEN 0 AND 10),
    stage         TEXT NOT NULL,
    archived      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,
    map_x         REAL,
    map_y         REAL
);
CREATE INDEX parts_by_role ON parts (role, archived, name);

CREATE TABLE stage_events (
    id          TEXT PRIMARY KEY,
    part_id     TEXT NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_events_by_part ON stage_events (part_id, occurred_at);

CREATE TABLE relations (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('protects','polarized','allied')),
    from_part_id TEXT NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    to_part_id   TEXT NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    CHECK (from_part_id <> to_part_id)
);
CREATE INDEX relations_from ON relations (from_part_id);
CREATE INDEX relations_to ON relations (to_part_id);

CREATE TABLE peers (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    card        BLOB NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    verified_at TEXT,
    added_at    TEXT NOT NULL
);

CREATE TABLE received_parts (
    id          TEXT PRIMARY KEY,
    peer_id     TEXT NOT NULL REFERENCES peers (id) ON DELETE CASCADE,
    sender_part_id TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    fields      TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (peer_id, sender_part_id)
);

CREATE TABLE received_relations (
    id          TEXT PRIMARY KEY,
    peer_id     TEXT NOT NULL REFERENCES peers (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    from_received_id TEXT NOT NULL REFERENCES received_parts (id) ON DELETE CASCADE,
    to_received_id   TEXT NOT NULL REFERENCES received_parts (id) ON DELETE CASCADE,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE entries (
    id              TEXT PRIMARY KEY,
    occurred_at     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('solo_session','therapy_session','peer_session','check_in','note')),
    title           TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    trailhead       TEXT NOT NULL DEFAULT '',
    self_energy     INTEGER CHECK (self_energy BETWEEN 0 AND 10),
    calm            INTEGER CHECK (calm BETWEEN 0 AND 10),
    curiosity       INTEGER CHECK (curiosity BETWEEN 0 AND 10),
    compassion      INTEGER CHECK (compassion BETWEEN 0 AND 10),
    confidence      INTEGER CHECK (confidence BETWEEN 0 AND 10),
    courage         INTEGER CHECK (courage BETWEEN 0 AND 10),
    clarity         INTEGER CHECK (clarity BETWEEN 0 AND 10),
    creativity      INTEGER CHECK (creativity BETWEEN 0 AND 10),
    connectedness   INTEGER CHECK (connectedness BETWEEN 0 AND 10),
    peer_id         TEXT REFERENCES peers (id) ON DELETE SET NULL,
    my_role         TEXT CHECK (my_role IN ('explorer','companion')),
    planned_minutes INTEGER,
    agreements      TEXT NOT NULL DEFAULT '',
    debrief         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX entries_by_time ON entries (occurred_at DESC);
CREATE INDEX entries_by_kind ON entries (kind, occurred_at DESC);

CREATE TABLE entry_parts (
    entry_id         TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    part_id          TEXT REFERENCES parts (id) ON DELETE CASCADE,
    received_part_id TEXT REFERENCES received_parts (id) ON DELETE CASCADE,
    note             TEXT NOT NULL DEFAULT '',
    CHECK ((part_id IS NULL) <> (received_part_id IS NULL))
);
CREATE INDEX entry_parts_by_entry ON entry_parts (entry_id, position);
CREATE INDEX entry_parts_by_part ON entry_parts (part_id);
CREATE INDEX entry_parts_by_received ON entry_parts (received_part_id);

CREATE TABLE share_log (
    id        TEXT PRIMARY KEY,
    peer_id   TEXT REFERENCES peers (id) ON DELETE SET NULL,
    peer_name TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    shared_at TEXT NOT NULL,
    parts     TEXT NOT NULL,
    fields    TEXT NOT NULL,
    withdrawn TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT NOT NULL DEFAULT '',
    kem_private  BLOB,
    auth_private BLOB,
    created_at   TEXT NOT NULL
);

-- Full-text search inside the encrypted file: external-content FTS5 tables kept in step by
-- triggers; remove_diacritics 2 makes "cafe" find "café".
CREATE VIRTUAL TABLE parts_fts USING fts5 (
    name, job, fears, age, body, appearance, burdens, needs, triggers, notes,
    content = 'parts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER parts_fts_insert AFTER INSERT ON parts BEGIN
    INSERT INTO parts_fts (rowid, name, job, fears, age, body, appearance, burdens, needs,
                           triggers, notes)
    VALUES (new.rowid, new.name, new.job, new.fears, new.age, new.body, new.appearance,
            new.burdens, new.needs, new.triggers, new.notes);
END;
CREATE TRIGGER parts_fts_delete AFTER DELETE ON parts BEGIN
    INSERT INTO parts_fts (parts_fts, rowid, name, job, fears, age, body, appearance, burdens,
                           needs, triggers, notes)
    VALUES ('delete', old.rowid, old.name, old.job, old.fears, old.age, old.body,
            old.appearance, old.burdens, old.needs, old.triggers, old.notes);
END;
CREATE TRIGGER parts_fts_update AFTER UPDATE OF name, job, fears, age, body, appearance,
        burdens, needs, triggers, notes ON parts BEGIN
    INSERT INTO parts_fts (parts_fts, rowid, name, job, fears, age, body, appearance, burdens,
                           needs, triggers, notes)
    VALUES ('delete', old.rowid, old.name, old.job, old.fears, old.age, old.body,
            old.appearance, old.burdens, old.needs, old.triggers, old.notes);
    INSERT INTO parts_fts (rowid, name, job, fears, age, body, appearance, burdens, needs,
                           triggers, notes)
    VALUES (new.rowid, new.name, new.job, new.fears, new.age, new.body, new.appearance,
            new.burdens, new.needs, new.triggers, new.notes);
END;

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body, trailhead, debrief,
    content = 'entries', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, trailhead, debrief)
    VALUES (new.rowid, new.title, new.body, new.trailhead, new.debrief);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, trailhead, debrief)
    VALUES ('delete', old.rowid, old.title, old.body, old.trailhead, old.debrief);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, trailhead, debrief ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, trailhead, debrief)
    VALUES ('delete', old.rowid, old.title, old.body, old.trailhead, old.debrief);
    INSERT INTO entries_fts (rowid, title, body, trailhead, debrief)
    VALUES (new.rowid, new.title, new.body, new.trailhead, new.debrief);
END;
"""


# Version 2 (peer exchange): bundles already imported, so a replayed bundle file is refused;
# indexes for the Peers view; and an identity for vaults created before it was made with them.
SCHEMA_V2 = """
CREATE TABLE received_bundles (
    peer_id     TEXT NOT NULL REFERENCES peers (id) ON DELETE CASCADE,
    bundle_id   TEXT NOT NULL,
    created     TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (peer_id, bundle_id)
);
CREATE INDEX received_parts_by_peer ON received_parts (peer_id, name);
CREATE INDEX received_relations_by_peer ON received_relations (peer_id);
CREATE INDEX share_log_by_peer ON share_log (peer_id, shared_at);
"""

# Version 3 (spell-checking): the person's own words, which the spell-checker treats as correct.
# They live here, inside the encrypted file, and never in the spelling library's plain word files.
SCHEMA_V3 = """
CREATE TABLE personal_words (
    word     TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
"""

# Version 4 (entry templates): the person's own starting text for a kind of entry. A template can
# hold personal prompts, so it lives here, encrypted, and never in the settings file; a kind with
# no row starts from its default (domain/templates.py).
SCHEMA_V4 = """
CREATE TABLE entry_templates (
    kind       TEXT PRIMARY KEY CHECK (kind IN
                   ('solo_session','therapy_session','peer_session','check_in','note')),
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# Version 5 (agreements ledger): what Self and a part agreed (domain/agreements.py). It goes with
# the part (deleting the part deletes them) but outlives the entry it was made in (the entry's
# id is then forgotten). One index finds a part's open ones (and all of a part's, for its
# ledger), a partial one the open ones ending this week however many kept ones pile up; the entry
# index keeps deleting an entry quick.
SCHEMA_V5 = """
CREATE TABLE agreements (
    id        TEXT PRIMARY KEY,
    part_id   TEXT NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    entry_id  TEXT REFERENCES entries (id) ON DELETE SET NULL,
    text      TEXT NOT NULL,
    made_at   TEXT NOT NULL,
    ends_on   TEXT CHECK (ends_on IS NULL OR ends_on GLOB
                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','released')),
    closed_at TEXT,
    CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX agreements_open_by_part ON agreements (part_id, status, ends_on);
CREATE INDEX agreements_open_by_end ON agreements (ends_on) WHERE status = 'open';
CREATE INDEX agreements_by_entry ON agreements (entry_id) WHERE entry_id IS NOT NULL;
"""


# Schema 6: where parts are felt in the body, pictures of parts and entries, the check-ins a person
# asked to be reminded of, and the latest session agreement each peer shared. Pictures live here,
# encrypted with everything else, never as files beside the journal; their thumbnails too, so a
# part's page needs no decoding of the full image. A body spot is placed on the front or back
# outline at (x, y), each 0-1 of the outline's width and height, and always names its region, so it
# can be chosen and read without a mouse.
SCHEMA_V6 = """
CREATE TABLE body_spots (
    id         TEXT PRIMARY KEY,
    part_id    TEXT NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    side       TEXT NOT NULL CHECK (side IN ('front','back')),
    region     TEXT NOT NULL,
    x          REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
    y          REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
    size       INTEGER NOT NULL DEFAULT 2 CHECK (size BETWEEN 1 AND 3),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX body_spots_by_part ON body_spots (part_id);

CREATE TABLE pictures (
    id         TEXT PRIMARY KEY,
    part_id    TEXT REFERENCES parts (id) ON DELETE CASCADE,
    entry_id   TEXT REFERENCES entries (id) ON DELETE CASCADE,
    caption    TEXT NOT NULL DEFAULT '',
    format     TEXT NOT NULL CHECK (format IN ('png','jpeg','webp')),
    width      INTEGER NOT NULL CHECK (width BETWEEN 1 AND 2048),
    height     INTEGER NOT NULL CHECK (height BETWEEN 1 AND 2048),
    data       BLOB NOT NULL,
    thumbnail  BLOB NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK ((part_id IS NULL) != (entry_id IS NULL))
);
CREATE INDEX pictures_by_part ON pictures (part_id, position) WHERE part_id IS NOT NULL;
CREATE INDEX pictures_by_entry ON pictures (entry_id, position) WHERE entry_id IS NOT NULL;

CREATE TABLE checkin_reminders (
    id              TEXT PRIMARY KEY,
    part_id         TEXT REFERENCES parts (id) ON DELETE CASCADE,
    source_entry_id TEXT REFERENCES entries (id) ON DELETE SET NULL,
    note            TEXT NOT NULL DEFAULT '',
    time_of_day     TEXT NOT NULL CHECK (time_of_day GLOB '[0-2][0-9]:[0-5][0-9]'),
    weekdays        TEXT NOT NULL DEFAULT '',
    until           TEXT CHECK (until IS NULL OR until GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at      TEXT NOT NULL,
    handled_until   TEXT,
    ended           INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1))
);
CREATE INDEX checkin_reminders_active ON checkin_reminders (ended);

CREATE TABLE received_session_agreements (
    peer_id      TEXT PRIMARY KEY REFERENCES peers (id) ON DELETE CASCADE,
    facilitation TEXT NOT NULL CHECK (facilitation IN
                     ('quiet_witness','active_witness','gentle_facilitation')),
    reach        TEXT NOT NULL CHECK (reach IN ('protectors_only','may_approach_exile')),
    pause_word   TEXT NOT NULL DEFAULT '',
    confidential INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    created      TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
"""

def _migrate_to_1(db: Database) -> None:
    for statement in _split(SCHEMA_V1):
        db.execute(statement)


def _migrate_to_2(db: Database) -> None:
    from partsjournal.vault.peers import ensure_identity

    for statement in _split(SCHEMA_V2):
        db.execute(statement)
    ensure_identity(db)


def _migrate_to_3(db: Database) -> None:
    for statement in _split(SCHEMA_V3):
        db.execute(statement)


def _migrate_to_4(db: Database) -> None:
    for statement in _split(SCHEMA_V4):
        db.execute(statement)


def _migrate_to_5(db: Database) -> None:
    for statement in _split(SCHEMA_V5):
        db.execute(statement)


def _migrate_to_6(db: Database) -> None:
    for statement in _split(SCHEMA_V6):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a schema script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    in_trigger = False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        if stripped.upper().startswith("CREATE TRIGGER"):
            in_trigger = True
        ends = stripped.upper() == "END;" if in_trigger else stripped.endswith(";")
        if ends:
            statements.append("\n".join(current))
            current, in_trigger = [], False
    return statements


#: MIGRATIONS[n] brings a vault from version n to n + 1.
MIGRATIONS: list[Callable[[Database], None]] = [_migrate_to_1, _migrate_to_2,
                                                  _migrate_to_3, _migrate_to_4, _migrate_to_5,
                                                  _migrate_to_6]
LATEST = len(MIGRATIONS)


def version(db: Database) -> int:
    """The schema version stored in the file."""
    return int(db.scalar("PRAGMA user_version"))


def check_supported(db: Database) -> int:
    """Return the stored version, refusing one from a newer release."""
    current = version(db)
    if current > LATEST:
        raise VaultFromNewerVersion(
            "This journal was written by a newer version of Parts Journal. Update Parts Journal "
            "to open it; nothing was changed."
        )
    return current


def migrate(db: Database) -> int:
    """Apply pending migrations, each in its own transaction; returns how many ran."""
    current = check_supported(db)
    for target in range(current, LATEST):
        with db.transaction():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version = {target + 1}")
    return LATEST - current
