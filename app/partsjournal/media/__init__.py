"""Pictures of parts and entries: decoding them safely and storing them without metadata."""
