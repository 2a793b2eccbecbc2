"""The sharing and import flows use the exchange tests' fixed identities and vault pairs."""

from ..exchange.conftest import (  # noqa: F401 (fixtures are found by name)
    Pair,
    alice,
    bob,
    fixed_identity,
    mallory,
    pair,
    snapshot,
)
