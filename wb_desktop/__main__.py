"""``python -m wb_desktop`` is the same as ``wb-desktop``."""

from wb_desktop.cli import main

raise SystemExit(main())
