"""The demo technicians and their sign-ins: the app's first start signs in as the first,
support opens a second technician's window as another.

They come from the reference server's demo data, read the first time they are asked for:
importing this module loads nothing of the server.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


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
def demo_sign_ins() -> tuple[DemoSignIn, ...]:
    """Every demo account, in the demo data's order (Anna, Erik, Sam)."""
    from wb_server.demo_data import demo_technicians

    return tuple(DemoSignIn(t.email, t.password, t.display_name, t.id) for t in demo_technicians())
