"""The insights room: the insights page and its charts.

The page that looks back over the journal and the charts it draws.
"""
