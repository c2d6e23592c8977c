"""The wire contract between the app and the office server, defined once.

Pydantic models of every request and reply, every op kind's payload, and the names both
sides share (op kinds, record types, fault kinds, route paths). The server's routes declare
these models (so its OpenAPI document is generated from them) and the client validates every
reply through them. Qt-free, no database, no HTTP: it may import only ``core.domain``.
"""
