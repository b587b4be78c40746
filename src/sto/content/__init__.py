"""Reading content: split files, parse front matter, validate against the models, report problems."""
