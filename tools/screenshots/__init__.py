"""Screenshot tooling: renders every page, the peers flows and the practice screens to PNGs.

Run from the repository root: ``python -m tools.screenshots --out screenshots`` (``make
screenshots``). Not part of the shipped package.
"""
