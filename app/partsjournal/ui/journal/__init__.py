"""The journal room: entries, the entry editor, search and the Markdown preview.

The list of entries, the editor for one entry, full-text search and the Markdown preview, with the
item models only they use.
"""
