"""WorkBoss Desktop: the offline-first field app, a sync simulator and a reference cloud."""

__version__ = "0.1.0"
