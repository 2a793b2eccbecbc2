"""Peer exchange: identity keys, contact cards, safety numbers and encrypted part bundles.

No Qt here. The pure modules (:mod:`card`, :mod:`identity`, :mod:`payload`, :mod:`bundle`) never
touch the vault; :mod:`sharing` and :mod:`importing` are the share and import flows over an
unlocked :class:`~partsjournal.vault.Vault` (import them directly; they are not re-exported here
so that the vault can use the pure modules without an import cycle).
"""
