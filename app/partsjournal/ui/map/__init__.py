"""The map room: the picture of parts and how they relate.

The map page, its scene, canvas and layout.
"""
