"""Framework-free core of the STO site generator.

Nothing here imports MkDocs: the content model, validation, listings, feeds and calendars
are plain Python that unit tests drive directly. ``hooks/sto_hooks.py`` adapts it to MkDocs.
"""
