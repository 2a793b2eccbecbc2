"""Plain-text reports over the journal: the therapy-prep summary and the insights.

The full data export and its import are not reports; they are in :mod:`partsjournal.archive`.

No Qt here (docs/architecture.md). Every report is plaintext on purpose: whoever writes one to a
file must tell the person that the file is not encrypted.
"""
