"""Support and QA tools, loaded only when used: the console, scenarios, diagnostics
bundles, the network simulator and the embedded demo server."""
