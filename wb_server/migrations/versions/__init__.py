"""Schema revisions of the reference server's database."""
