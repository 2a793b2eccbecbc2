"""The export room: the export dialogs and the PDF summary.

The dialogs that export the journal or a summary, and the PDF summary itself, which the command
line also uses without a window.
"""
