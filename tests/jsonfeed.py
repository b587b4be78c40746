"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a strict pydantic model, for tests.

feedparser 6.0.14, the newest release, reads RSS and Atom but not JSON Feed (its JSON support
is unreleased), so JSON feeds are checked against the specification's own rules here.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    # Unknown keys are errors, except the spec's extensions, which start with "_".
    model_config = ConfigDict(extra="allow", strict=False)

    @model_validator(mode="after")
    def _only_extensions_extra(self):
        unknown = [k for k in (self.model_extra or {}) if not k.startswith("_")]
        if unknown:
            raise ValueError(f"not in JSON Feed 1.1: {unknown}")
        return self


class Author(_Strict):
    name: str | None = None
    url: AnyHttpUrl | None = None
    avatar: AnyHttpUrl | None = None


class Attachment(_Strict):
    url: AnyHttpUrl
    mime_type: str = Field(pattern=r"^[\w.+-]+/[\w.+-]+$")
    title: str | None = None
    size_in_bytes: int | None = Field(None, ge=0)
    duration_in_seconds: float | None = None


class FeedItem(_Strict):
    id: str = Field(min_length=1)
    url: AnyHttpUrl | None = None
    external_url: AnyHttpUrl | None = None
    title: str | None = None
    content_html: str | None = None
    content_text: str | None = None
    summary: str | None = None
    image: AnyHttpUrl | None = None
    banner_image: AnyHttpUrl | None = None
    date_published: datetime | None = None
    date_modified: datetime | None = None
    authors: list[Author] | None = None
    tags: list[str] | None = None
    language: str | None = None
    attachments: list[Attachment] | None = None

    @model_validator(mode="after")
    def _has_content(self):
        if self.content_html is None and self.content_text is None:
            raise ValueError("an item needs content_html or content_text")
        for moment in (self.date_published, self.date_modified):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("dates are RFC 3339, with an offset")
        return self


class JsonFeed(_Strict):
    version: str = Field(pattern=r"^https://jsonfeed\.org/version/1\.1$")
    title: str
    home_page_url: AnyHttpUrl | None = None
    feed_url: AnyHttpUrl | None = None
    description: str | None = None
    user_comment: str | None = None
    next_url: AnyHttpUrl | None = None
    icon: AnyHttpUrl | None = None
    favicon: AnyHttpUrl | None = None
    authors: list[Author] | None = None
    language: str | None = None
    expired: bool | None = None
    items: list[FeedItem]


def read_json_feed(data: bytes) -> JsonFeed:
    """Raises pydantic.ValidationError when ``data`` is not a valid JSON Feed 1.1."""
    return JsonFeed.model_validate_json(data)
