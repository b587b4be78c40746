"""/.well-known/security.txt (RFC 9116): where to report a security problem in this site, one of
the standards Dutch government sites apply ("pas toe of leg uit").

Its contact is a fact Sterk Techniekonderwijs supplies, in mkdocs.yml (``extra:``,
``security_contact``: one address or a list). Until then the file is not published (a contact is
never invented) and `make todo` lists it (docs-dev/nog-aan-te-leveren.yml). ``Expires`` lies
within a year of the build's "now" (RFC 9116 recommends less than a year): nightly builds renew
it, and a site that stops being rebuilt does not keep claiming a contact for long.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sto.content.trust import Refused, check_url

SECURITY_TXT = ".well-known/security.txt"
CONTACT_SETTING = "security_contact"
VALID_FOR = timedelta(days=180)
LANGUAGES = "nl, en"


def contacts_from(extra: Mapping[str, Any]) -> list[str]:
    """The contact addresses mkdocs.yml's ``extra:`` gives (none: not supplied yet); ValueError
    names the setting when one is not a mailto: or https: address."""
    given = extra.get(CONTACT_SETTING)
    if given is None:
        return []
    contacts = [given] if isinstance(given, str) else given
    if not isinstance(contacts, list) or not contacts:
        raise ValueError(f"mkdocs.yml: extra.{CONTACT_SETTING} must be an address or a list of them, not {given!r}")
    for contact in contacts:
        try:
            if not isinstance(contact, str) or not contact.lower().startswith(("mailto:", "https://")):
                raise Refused("")
            check_url(contact)
        except Refused:
            raise ValueError(f"mkdocs.yml: extra.{CONTACT_SETTING}: {contact!r} is not a mailto: or https:// "
                             "address") from None
    return contacts


def security_txt(contacts: list[str], now: datetime, site_url: str) -> str:
    """The file's text (fields in the RFC's order of importance; no Policy or Encryption, which
    STO has not supplied)."""
    expires = (now.astimezone(UTC) + VALID_FOR).replace(microsecond=0)  # in UTC: exact hours across DST
    lines = [*(f"Contact: {contact}" for contact in contacts),
             f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
             f"Preferred-Languages: {LANGUAGES}",
             f"Canonical: {site_url.rstrip('/')}/{SECURITY_TXT}"]
    return "\n".join(lines) + "\n"
