"""Everything that knows MkDocs or Material: the hooks adapter and the work that depends on
Material's page frame and search index. Porting to another engine starts (and ends) here."""
