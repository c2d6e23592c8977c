"""``wb-desktop diagnostics export`` and ``wb-desktop diagnostics open``.

Support runs these on a desk, or asks a technician to run ``export`` over a remote shell, so
they never import Qt. Every failure a person can act on is printed as one message with exit
code 2, the ``wb-desktop`` convention.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from wb_desktop import __version__
from wb_desktop.core.domain.clock import Clock, SystemClock
from wb_desktop.core.domain.errors import WorkBossError, format_bytes
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.migrate import head_revision
from wb_desktop.tools.diagnostics.bundle import export_bundle
from wb_desktop.tools.diagnostics.bundle_scenario import STOCKHOLM, scenario_from_bundle
from wb_desktop.tools.diagnostics.cache_facts import CacheFacts
from wb_desktop.tools.diagnostics.diagnosis import Diagnosis, diagnose
from wb_desktop.tools.diagnostics.diagnosis_words import problems_by_record
from wb_desktop.tools.diagnostics.replay import ReplaySummary, replay_outbox
from wb_desktop.tools.diagnostics.repro import save_repro
from wb_desktop.tools.diagnostics.sandbox import SandboxProfile
from wb_desktop.tools.diagnostics.sandbox_folder import default_sandbox_root, open_bundle_or_sandbox
from wb_desktop.tools.scenario.office import Office, OfficeError
from wb_desktop.tools.scenario.repro_file import SUFFIX

__all__ = ["default_sandbox_root", "export_command", "open_command", "render_summary"]

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
PROG = "wb-desktop diagnostics"


def default_bundle_name(profile: str, now: datetime) -> str:
    return f"wb-diagnostics-{profile}-{now.strftime('%Y%m%dT%H%M%SZ')}.zip"


def export_command(
    paths: ProfilePaths,
    *,
    redact: bool,
    output: Path | None,
    clock: Clock | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    now = (clock or SystemClock()).now()
    target = output or Path.cwd() / default_bundle_name(paths.name, now)
    try:
        written = export_bundle(paths, target, redact=redact, now=now, app_version=__version__)
    except WorkBossError as error:
        print(f"{PROG}: {error.message}", file=err)
        return EXIT_ERROR
    size = format_bytes(written.stat().st_size)
    kind = "redacted" if redact else "NOT redacted: it holds customer data and photos"
    print(f"Wrote {written} ({size}, {kind})", file=out)
    return EXIT_OK


def open_command(
    bundle: Path,
    *,
    sandbox_root: Path,
    replay: bool,
    server_url: str | None,
    admin_token: str | None,
    scenario: Path | None = None,
    clock: Clock | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    clock = clock or SystemClock()
    if replay and (not server_url or not admin_token):
        print(
            f"{PROG}: --replay needs --server URL and --admin-token TOKEN (or $WB_ADMIN_TOKEN)",
            file=err,
        )
        return EXIT_ERROR
    try:
        sandbox = open_bundle_or_sandbox(bundle, sandbox_root, now=clock.now())
        diagnosis = diagnose(sandbox, STOCKHOLM)
        print(render_summary(sandbox, sandbox.facts(), diagnosis), file=out)
        if scenario is not None:
            skipped = save_scenario(sandbox, scenario, diagnosis, clock.now(), out)
            for reason in skipped:
                print(f"  not in the scenario: {reason}", file=out)
        if not replay:
            return EXIT_OK
        assert server_url is not None and admin_token is not None
        summary = replay_with_admin(sandbox, server_url, admin_token, clock)
    except WorkBossError as error:
        print(f"{PROG}: {error.message}", file=err)
        return EXIT_ERROR
    except (OfficeError, ValueError) as error:  # ValueError: ScenarioError included
        print(f"{PROG}: {error}", file=err)
        return EXIT_ERROR
    print(render_replay(summary, server_url), file=out)
    return EXIT_OK if summary.drained and not summary.rejected else EXIT_PROBLEMS


def replay_with_admin(
    sandbox: SandboxProfile, server_url: str, admin_token: str, clock: Clock
) -> ReplaySummary:
    """Replay as the bundle's technician, with a token from the server's admin API."""
    office = Office(server_url, admin_token)
    try:
        return replay_outbox(
            sandbox,
            server_url,
            office.technician_token,
            clock=clock,
            office_view=office.office_view,
        )
    finally:
        office.close()


def save_scenario(
    sandbox: SandboxProfile, target: Path, diagnosis: Diagnosis, now: datetime, out: TextIO
) -> list[str]:
    """A ``.wbrepro`` (both variants), or one scenario file as in the field."""
    if target.suffix.lower() == SUFFIX:
        saved = save_repro(sandbox, target, saved_at=now, diagnosis=diagnosis)
        print(f"Scenario: {saved.path}", file=out)
        print(
            f"  as in the field, must fail with: {saved.failure or '(nothing to repeat)'}", file=out
        )
        print("  fixed (the faults left out), must pass", file=out)
        return saved.skipped
    written, skipped = scenario_from_bundle(sandbox, target, saved_at=now, diagnosis=diagnosis)
    print(f"Scenario: {written}", file=out)
    return skipped


def render_summary(
    sandbox: SandboxProfile, facts: CacheFacts, diagnosis: Diagnosis | None = None
) -> str:
    manifest = sandbox.manifest
    technician = facts.technician or manifest.technician
    who = (
        f"{technician.display_name} <{technician.email}> (id {technician.id})"
        if technician
        else "(nobody signed in)"
    )
    states = ", ".join(f"{s} {n}" for s, n in sorted(facts.outbox_by_state.items()))
    lines = [
        f"Bundle:      {sandbox.source}",
        f"Sandbox:     {sandbox.root} (profile {manifest.profile})",
        f"Made:        {manifest.created_at} by WorkBoss Desktop {manifest.app_version}"
        f" (bundle format {manifest.format_version})",
        f"Schema:      {facts.revision or '(none)'} (this app: {head_revision()})",
        f"Technician:  {who}",
        f"Device:      {facts.device_id or '(none)'}",
        "Redacted:    "
        + (
            "yes: customer data replaced by placeholders, photos and signatures left out"
            if manifest.redacted
            else "no"
        ),
        f"Outbox:      {states or 'empty'}",
        f"Contents:    {sandbox.contents().describe()} (in {sandbox.paths.folder})",
    ]
    if diagnosis is not None:
        lines.append("Diagnosis:")
        for line in diagnosis.lines:
            rows = f" [trace: {', '.join(line.request_ids)}]" if line.request_ids else ""
            lines.append(f"  - {line.text}{rows}")
        problems = problems_by_record(diagnosis)
        named = {ref.record_id: ref for ref in diagnosis.uploads_waiting}
    else:
        problems, named = {}, {}
    if facts.dead_ops:
        lines.append(f"Dead ops:    {len(facts.dead_ops)}")
        lines.extend(
            f"  - seq {op.seq} {op.kind} ({op.record_id}): {op.last_error or 'no reason kept'}"
            for op in facts.dead_ops
        )
    missing = facts.not_uploaded
    lines.append(f"Not uploaded by the tablet (attachments): {len(missing)}")
    for item in missing:
        in_bundle = "file in bundle" if sandbox.media_in_bundle(item.path) else "file not in bundle"
        problem = item.sync_error or problems.get(item.record_id, "")
        error = f"; {problem}" if problem else ""
        ref = named.get(item.record_id)
        what = (
            f"{item.record_type} {ref.name} on job '{ref.job_title}'"
            if ref is not None
            else f"{item.record_type} {item.record_id} on job {item.job_id}"
        )
        lines.append(f"  - {what}: {item.upload_state}, {item.sync_state}{error} ({in_bundle})")
    return "\n".join(lines)


def render_replay(summary: ReplaySummary, server_url: str | None) -> str:
    lines = [
        f"Replay against {server_url}: {summary.steps} sync step(s)",
        f"  pushed {summary.pushed}: applied {summary.applied}, duplicates {summary.duplicates},"
        f" conflicts {summary.conflicts}, rejected {summary.rejected}",
        f"  dead {summary.dead}, remaining {summary.remaining},"
        f" attachments the sandbox has not uploaded {summary.not_uploaded}",
    ]
    if summary.on_server is None:
        lines.append("  what the server has was not asked")
    elif summary.on_server:
        lines.append("  the server now has: " + "; ".join(k.describe() for k in summary.on_server))
    else:
        lines.append("  the bundle held no work the server lacked")
    if summary.redacted:
        lines.append("  note: a redacted bundle replays placeholders, not the customers' data")
    if summary.reason:
        lines.append(f"  last attempt failed: {summary.reason}")
    lines.append("DRAINED" if summary.drained else "NOT DRAINED")
    return "\n".join(lines)
