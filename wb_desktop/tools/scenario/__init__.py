"""Scenario format, runner, recorder and invariant checker."""
