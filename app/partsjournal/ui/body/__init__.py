"""The body map: where parts are felt, on a front and a back outline (domain/body_map.py)."""
