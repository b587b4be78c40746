"""The STO site generator's core, in layers (each a subpackage):

- ``sto.content``: read, validate and model the content (framework-free);
- ``sto.site``: listings, addresses, generated pages, views for templates (framework-free);
- ``sto.syndication``: feeds, calendars, time zones, the published-ids contract (framework-free);
- ``sto.editors``: the scaffold, JSON Schemas, CI annotations (framework-free);
- ``sto.mkdocs``: the only place that knows MkDocs and Material; ``hooks/sto_hooks.py`` loads it.

``sto.content.sections``, ``sto.clock``, ``sto.zones``, ``sto.problems`` and ``sto.site.build`` are shared by all
layers; ``sto.content`` imports none of the layers above it (a test keeps it so).
"""
