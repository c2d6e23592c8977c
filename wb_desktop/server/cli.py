"""``wb-server``: the reference cloud's command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Say plainly that the server is not in this build yet, instead of failing on import."""
    print(
        "wb-server is not part of this build yet: the reference cloud is built in the next "
        "milestone (see the README's roadmap).",
        file=sys.stderr,
    )
    return 2
