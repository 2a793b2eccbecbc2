"""Pieces every feature room shares.

Messages, theme, vocabulary, plain text (the one way to set a tooltip), background workers,
passphrase widgets, item delegates, the small shared widgets and the item models more than one
feature uses. Nothing here knows about a particular page; a piece moves here only when a second
feature needs it.
"""
