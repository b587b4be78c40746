"""The public contract of feeds and calendars, as a committed record: tests/published-ids.json.

Once a feed guid or calendar UID is out, it can never change: feed readers would deliver
the item again and calendar apps would show the event twice. And a calendar app only takes
a changed time, place or status when SEQUENCE rises. The record holds every published guid
and UID, and for events the time, place and status they were published with and their
SEQUENCE; ``check`` says, in Dutch, what breaks that contract. ``make published-ids`` adds
new items and records legitimate changes, and refuses to launder a broken contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sto.syndication.calendars import sequence, uid
from sto.content.items import Content, Item
from sto.content.models import Event
from sto.syndication.feeds import guid

RECORD_PATH = "tests/published-ids.json"


def _event_state(item: Item[Event]) -> dict[str, Any]:
    event = item.data
    return {"start": event.starts_at.isoformat(), "end": event.ends_at.isoformat() if event.end else None,
            "location": event.location, "online": event.online, "status": event.status}


def snapshot(content: Content, site_url: str) -> dict[str, Any]:
    """What the public has of every non-draft news item and event."""
    news = {item.id: {"file": item.path, "guid": guid(item, site_url)} for item in content.news if not item.data.draft}
    events = {item.id: {"file": item.path, "uid": uid(item, site_url), "sequence": sequence(item.data),
                        **_event_state(item)} for item in content.events if not item.data.draft}
    return {"news": dict[str, Any](sorted(news.items())), "events": dict[str, Any](sorted(events.items()))}


# What an editor reads in the pull request: recording is a maintainer's step after merging.
_RECORDED_LATER = ("U hoeft niets te doen: na het samenvoegen legt een beheerder dit vast "
                   "(make published-ids), zodat latere wijzigingen ook bewaakt worden.")

STATE_NAMES: Mapping[str, str] = MappingProxyType({"start": "begin", "end": "einde", "location": "plaats",
                                                   "online": "online", "status": "status"})


def check(recorded: dict[str, Any], current: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(broken, unrecorded): contract breaks, and changes that are fine but not yet recorded."""
    broken, unrecorded = [], []
    for section, key, what in (("news", "guid", "guid"), ("events", "uid", "UID")):
        old_all, new_all = recorded.get(section, {}), current.get(section, {})
        for item_id, old in old_all.items():
            new = new_all.get(item_id)
            if new is None:
                broken.append(f"{old['file']}: id {item_id} is gepubliceerd maar staat niet meer in de inhoud; "
                              "een gewijzigde of verwijderde id laat het bij alle abonnees dubbel of verweesd achter. "
                              "Zet de oude id terug.")
                continue
            if new[key] != old[key]:
                broken.append(f"{new['file']}: de {what} is veranderd van {old[key]} in {new[key]} "
                              "(is site_url in mkdocs.yml gewijzigd?); gepubliceerde ids mogen nooit veranderen.")
            if section == "events":
                broken += _sequence_problems(old, new)
                if new != old and not _sequence_problems(old, new):
                    unrecorded.append(f"{new['file']}: gewijzigd en goed gemeld met sequence. {_RECORDED_LATER}")
            elif new["file"] != old["file"]:
                unrecorded.append(f"{new['file']}: verplaatst (was {old['file']}). {_RECORDED_LATER}")
        for item_id, new in new_all.items():
            if item_id not in old_all:
                unrecorded.append(f"{new['file']}: nieuw en nog niet vastgelegd in {RECORD_PATH}. {_RECORDED_LATER}")
    return broken, unrecorded


def _sequence_problems(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    changed = [name for field, name in STATE_NAMES.items() if old.get(field) != new.get(field)]
    if changed and new["sequence"] <= old["sequence"]:
        needed = old["sequence"] + 1 - (1 if new["status"] == "geannuleerd" else 0)
        details = ", ".join(f"{STATE_NAMES[f]}: {old.get(f)} → {new.get(f)}" for f in STATE_NAMES
                            if old.get(f) != new.get(f))
        return [f"{new['file']}: {' en '.join(changed)} gewijzigd ({details}) zonder 'sequence' te verhogen; "
                f"agenda-apps nemen de wijziging dan niet over. Zet 'sequence: {needed}'."]
    if new["sequence"] < old["sequence"]:
        return [f"{new['file']}: sequence is verlaagd (gepubliceerd met {old['sequence']}, nu {new['sequence']}); "
                "agenda-apps negeren dan elke wijziging. Verhoog sequence alleen."]
    return []


def record(recorded: dict[str, Any], current: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
    """The new record, or None and the reasons when the contract is broken."""
    broken, _ = check(recorded, current)
    return (None, broken) if broken else (current, [])
