"""Developer tools that are not shipped with the app (run from the repository root)."""
