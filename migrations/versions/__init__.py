"""Schema revisions of the local cache, oldest first by their ``down_revision`` chain."""
