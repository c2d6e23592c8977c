"""The demo technicians support and QA sign in as, e.g. to open a second technician window
next to the first against the same demo server (the accounts come from the demo launcher)."""

from __future__ import annotations

from wb_desktop.tools.demo.accounts import DemoSignIn, demo_sign_ins


def demo_technicians() -> tuple[DemoSignIn, ...]:
    """Every demo account, in the demo data's order (Anna, Erik, Sam)."""
    return demo_sign_ins()


def demo_technician(name: str) -> DemoSignIn | None:
    """A demo account by short name ('erik') or email, in any case; None when there is none."""
    wanted = name.strip().lower()
    for technician in demo_technicians():
        if wanted in (technician.email, technician.short_name):
            return technician
    return None
