"""The settings room: the typed settings registry and the settings dialog.

The registry is cheap to import (the first window reads it); the dialog is imported only when a
person opens it.
"""
