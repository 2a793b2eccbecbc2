"""The peers room: the people you exchange with and what you exchange.

The peers page, contact cards, the share wizard and its pages, the import dialog and the messages
shown about an exchange.
"""
