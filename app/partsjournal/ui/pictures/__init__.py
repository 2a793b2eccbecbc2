"""Pictures of parts and entries: thumbnails, adding, the viewer."""
