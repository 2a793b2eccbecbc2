"""The command line's exit codes (``base.EXIT_CODES_HELP`` explains each to the person).

A module of its own with no imports: ``partsjournal.cli`` re-exports them, and opening the app
must not load the parser, the secret input and the errors they need (``base``).
"""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_DAMAGED = 4
EXIT_NOT_FOUND = 5
EXIT_NEWER_VERSION = 6
EXIT_REFUSED = 7
EXIT_INTERRUPTED = 130
