"""The Qt-free core: domain rules, the wire protocol, the local cache and the sync engine."""
