"""Simulated networks: profiles played in front of the real transport, scheduled cuts."""
