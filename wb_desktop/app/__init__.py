"""The running app below its widgets: connection and sign-in, settings, logs and crash
reports, the op runner and the sync service's QThread."""
