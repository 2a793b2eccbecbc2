"""Multi-step flows (first run, unlock) as plain Python objects; their dialogs only present them.

Keeping the logic here means it is tested without a window (docs/architecture.md), as Electrum
does with its wizard.
"""
