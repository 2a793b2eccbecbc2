"""Everything Qt: the application, its windows, views, item models and dialogs.

This is the only package that imports PySide6 (a test enforces it).
"""
