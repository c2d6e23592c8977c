"""Diagnostics bundles, redaction and the convergence check."""
