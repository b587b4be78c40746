"""The file MkDocs loads as its hooks (``hooks:`` in mkdocs.yml), once per process: it makes the
process's one adapter (``sto.mkdocs.adapter``, in the installed core) and names its methods as
the events MkDocs calls."""

from sto.mkdocs.adapter import Adapter

adapter = Adapter()

on_startup = adapter.on_startup
on_config = adapter.on_config
on_files = adapter.on_files
on_nav = adapter.on_nav
on_pre_page = adapter.on_pre_page
on_page_markdown = adapter.on_page_markdown
on_env = adapter.on_env
on_page_context = adapter.on_page_context
on_page_content = adapter.on_page_content
on_post_page = adapter.on_post_page
on_post_template = adapter.on_post_template
on_post_build = adapter.on_post_build
on_serve = adapter.on_serve
