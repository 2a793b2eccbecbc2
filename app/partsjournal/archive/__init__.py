"""The whole journal in and out as files: the JSON export, its strict import, the Markdown folder.

A package of its own because none of it is a report: it carries everything, exactly, for moving a
journal elsewhere (docs/export-format.md). It turns a :class:`partsjournal.vault.snapshot.Snapshot`
into files and files back into one; the rows are read and written by ``vault/`` (the only layer
with SQL), through ``Vault.read_snapshot`` and ``Vault.write_snapshot``. No Qt here: the dialogs
in ``ui/export/`` and the ``export``/``import-json`` commands only choose files and show progress.

- :mod:`~partsjournal.archive.json_export`: the JSON document and writing it;
- :mod:`~partsjournal.archive.json_import`: reading a file back, checking every value first;
- :mod:`~partsjournal.archive.checks`: the value checks, each naming its place in the file;
- :mod:`~partsjournal.archive.markdown_export`: the folder of Markdown files, for reading.
"""
