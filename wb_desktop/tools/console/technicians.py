"""The demo technicians support and QA sign in as, e.g. to open a second technician window
next to the first against the same demo server."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from wb_server.demo_data import DEMO_ACCOUNTS, build_demo_data


@dataclass(frozen=True)
class DemoSignIn:
    """One demo account; ``profile`` is a profile name of its own, so two windows never
    share a cache."""

    email: str
    password: str
    display_name: str
    technician_id: str

    @property
    def short_name(self) -> str:
        return self.email.split("@", 1)[0]

    @property
    def profile(self) -> str:
        return self.short_name


@functools.cache
def demo_technicians() -> tuple[DemoSignIn, ...]:
    """Every demo account, in the demo data's order (Anna, Erik, Sam)."""
    return tuple(
        DemoSignIn(t.email, DEMO_ACCOUNTS[t.email], t.display_name, t.id)
        for t in build_demo_data().technicians
    )


def demo_technician(name: str) -> DemoSignIn | None:
    """A demo account by short name ('erik') or email, in any case; None when there is none."""
    wanted = name.strip().lower()
    for technician in demo_technicians():
        if wanted in (technician.email, technician.short_name):
            return technician
    return None
