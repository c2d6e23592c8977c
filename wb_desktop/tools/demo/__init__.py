"""The embedded demo: the reference server started beside the app."""
