"""The file MkDocs loads as its hooks (``hooks:`` in mkdocs.yml): everything lives in the
installed core, in ``sto.mkdocs.hooks``; this file only names the events MkDocs calls."""

from sto.mkdocs.hooks import (  # noqa: F401  (MkDocs looks these names up on this module)
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_pre_page,
    on_serve,
    on_startup,
)
