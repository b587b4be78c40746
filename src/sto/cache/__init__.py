"""What a build may reuse from an earlier one: fingerprints of its inputs and a store of results.

Framework-free: the MkDocs adapter (``sto.mkdocs.incremental``) decides which results to keep.
"""
