"""The support and QA console: see, steer and reproduce what sync does."""
