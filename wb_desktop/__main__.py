"""``python -m wb_desktop`` is the same as ``wb-desktop``; it is also the bundle's entry point
(packaging/wb_desktop.spec).

A bundled app has no Python to start its children with: multiprocessing starts the bundle's
own executable again (the embedded demo server runs in such a child), and
``freeze_support()`` turns that start into the child's work instead of a second app reading
the child's arguments as its own. A windowed build (Windows, no console) has no
``sys.stdout``/``sys.stderr``: stand-ins send what would be printed to the log, in the app
and in its children alike, so they come first.
"""

import multiprocessing

if __name__ == "__main__":  # not when a child re-imports the main module (``__mp_main__``)
    from wb_desktop.app.no_console import stand_in_for_missing_console

    stand_in_for_missing_console()
    multiprocessing.freeze_support()

    from wb_desktop.cli import main

    raise SystemExit(main())
