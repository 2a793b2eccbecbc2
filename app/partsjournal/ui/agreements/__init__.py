"""The agreements ledger in the app: in an entry's details, the This week panel, a session's start.

The ledger itself is ``vault/agreements.py``; what an agreement is, ``domain/agreements.py``.
"""
