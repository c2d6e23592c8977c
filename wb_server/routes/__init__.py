"""The server's HTTP routes, one module per part of the protocol."""
