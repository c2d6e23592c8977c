"""Widgets only: technician views, the support console, shared widgets and Qt models."""
