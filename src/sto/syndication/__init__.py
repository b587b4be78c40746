"""Feeds and calendars: RSS, Atom, JSON Feed, iCalendar, and the published-ids contract."""
