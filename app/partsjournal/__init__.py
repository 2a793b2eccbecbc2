"""Parts Journal: a private, offline, encrypted journal for Internal Family Systems parts work."""

__version__ = "0.1.0"
APP_NAME = "Parts Journal"
