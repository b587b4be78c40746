"""The public site: listings, addresses, generated pages and the views templates read."""
