"""Plain-text reports over the journal: the therapy-prep summary and the full data export.

No Qt here (docs/architecture.md). Every report is plaintext on purpose: whoever writes one to a
file must tell the person that the file is not encrypted.
"""
