"""The practice room: guided sessions, sessions with a peer and the guide.

The step-by-step guided session dialog, the panel for a session with a peer and the built-in guide
to the practice.
"""
