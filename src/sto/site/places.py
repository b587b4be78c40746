"""Where an event takes place, decided once.

Its page, its teaser, the embeds, the newsletter, the calendars, JSON-LD and open data all take
their place from ``place(event)``, so an event that is online and on site is never "Online" in
one and only its town in another. The page's "Waar" is the reference wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from sto.content.models import Event

UNKNOWN = "Nog niet bekend"  # STO announces events before the place is known


@dataclass(frozen=True)
class Place:
    online: bool
    location: str | None  # the address or town where it takes place on site

    @property
    def known(self) -> bool:
        return self.online or bool(self.location)

    @property
    def text(self) -> str:
        """As the page says it: "Online, en op locatie: Utrecht", "Online", "Utrecht" or "Nog niet bekend"."""
        if self.online:
            return f"Online, en op locatie: {self.location}" if self.location else "Online"
        return self.location or UNKNOWN

    @property
    def shown(self) -> str | None:
        """``text`` where a place is only shown when known (embeds, newsletter, calendar LOCATION)."""
        return self.text if self.known else None

    @property
    def in_sentence(self) -> str:
        """``text`` inside a sentence (a description, the search text): "online, en op locatie:
        Utrecht"; "" when not known."""
        if not self.known:
            return ""
        return "o" + self.text[1:] if self.online else self.text


def place(event: Event) -> Place:
    return Place(event.online, event.location or None)
