"""Sync engine (Qt-free) and the QThread sync service."""
