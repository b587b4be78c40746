"""Editors' tools: the `make new` scaffold, JSON Schemas, and CI annotations of problems."""
