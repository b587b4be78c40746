"""What a build hands to the templates (on_env): the build, its syndication, views and embeds as
globals, our filters and functions, and autoescaping for our own templates."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from sto.mkdocs.autoescape import for_templates_in
from sto.mkdocs.fragment_cache import TEMPLATE_GLOBALS, FragmentCache
from sto.site.embed import EmbedSnippets
from sto.site.templating import FILTERS, GLOBALS
from sto.site.views import Site
from sto.syndication.writer import Syndication


def hand_to_templates(env: Environment, config: MkDocsConfig, site: Site, fragments: FragmentCache) -> None:
    env.autoescape = for_templates_in(config.theme.custom_dir)  # ours escape, Material's stay as they are
    env.globals["sto"] = site.build
    env.globals["sto_syndication"] = Syndication(site.build)
    env.globals["sto_site"] = site
    env.globals["sto_embed"] = EmbedSnippets(site.build)
    env.globals.update(GLOBALS)
    env.globals.update(TEMPLATE_GLOBALS)
    env.globals["sto_fragments"] = fragments
    env.filters.update(FILTERS)
