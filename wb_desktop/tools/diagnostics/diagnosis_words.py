"""A diagnosis in plain words: the summary lines support reads first, and why each
attachment did not upload.

English-only, like the rest of the diagnostics command line.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from wb_desktop.core.protocol import routes
from wb_desktop.tools.diagnostics.diagnosis_findings import (
    Diagnosis,
    DiagnosisLine,
    RecordRef,
    RefusedRequests,
)


def _hm(at: datetime, zone: tzinfo) -> str:
    return at.astimezone(zone).strftime("%H:%M")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe_records(records: tuple[RecordRef, ...]) -> str:
    """'2 photos on 'EV charger installation' (front.png, label.png)'; by kind and job."""
    by: dict[tuple[str, str], list[str]] = {}
    for ref in records:
        by.setdefault((ref.record_type, ref.job_title), []).append(ref.name)
    parts = [
        f"{_plural(len(names), kind)} on '{title}' ({', '.join(sorted(names))})"
        for (kind, title), names in by.items()
    ]
    return "; ".join(parts)


def _answer(refused: RefusedRequests) -> str:
    said = "no reply" if refused.status is None else f"the server answered {refused.status}"
    if refused.fault_kind is not None:
        return f"{said} (injected fault {refused.fault_kind})"
    if refused.server_error:
        return f"{said} ({refused.server_error})"
    return said


def _refused_line(refused: RefusedRequests, zone: tzinfo) -> str:
    about = describe_records(refused.records) or (
        f"{refused.op_kind} changes" if refused.op_kind else f"requests to {refused.route}"
    )
    verb = "could not upload" if refused.route == routes.BLOBS else "were refused"
    when = (
        f"at {_hm(refused.first_at, zone)}"
        if refused.first_at == refused.last_at
        else f"between {_hm(refused.first_at, zone)} and {_hm(refused.last_at, zone)}"
    )
    tries = _plural(refused.tries, "try").replace("trys", "tries")
    text = f"{about} {verb}: {_answer(refused)} to {tries} {when}"
    return text + ("; later requests went through" if refused.recovered else "")


def diagnosis_lines(diagnosis: Diagnosis, zone: tzinfo) -> list[DiagnosisLine]:
    lines = [
        DiagnosisLine(_refused_line(r, zone) + ".", r.request_ids)
        for r in sorted(diagnosis.refused, key=lambda r: (r.recovered, r.first_at))
    ]
    named = {ref.record_id for r in diagnosis.refused for ref in r.records}
    unexplained = tuple(ref for ref in diagnosis.uploads_waiting if ref.record_id not in named)
    if unexplained:
        lines.append(
            DiagnosisLine(
                f"Waiting to upload: {describe_records(unexplained)}; the trace shows no"
                " refusal of them."
            )
        )
    waiting = diagnosis.waiting
    if waiting.pending:
        behind = (
            f"{waiting.blocked} of them behind a change not yet accepted"
            if waiting.blocked
            else "behind nothing"
        )
        verb = "waits" if waiting.pending == 1 else "wait"
        lines.append(
            DiagnosisLine(f"{_plural(waiting.pending, 'change')} {verb} in the outbox, {behind}.")
        )
    else:
        lines.append(DiagnosisLine("No change waits in the outbox."))
    if waiting.dead:
        lines.append(DiagnosisLine(f"{_plural(waiting.dead, 'change')} refused for good (dead)."))
    if diagnosis.last_sync is not None:
        request = (diagnosis.last_sync_request,) if diagnosis.last_sync_request else ()
        lines.append(
            DiagnosisLine(f"Last successful sync {_hm(diagnosis.last_sync, zone)}.", request)
        )
    else:
        lines.append(DiagnosisLine("The trace holds no successful sync."))
    for period in diagnosis.offline:
        span = (
            f"at {_hm(period.start, zone)}"
            if period.start == period.end
            else f"from {_hm(period.start, zone)} to {_hm(period.end, zone)}"
        )
        lines.append(
            DiagnosisLine(
                f"Offline {span} ({_plural(period.requests, 'request')} not sent).",
                period.request_ids,
            )
        )
    if diagnosis.log_warning_count:
        quoted = " | ".join(diagnosis.log_warnings)
        count = _plural(diagnosis.log_warning_count, "warning or error")
        lines.append(DiagnosisLine(f"The log has {count}; the last: {quoted}"))
    made = (
        f"The bundle was made at {_hm(diagnosis.made_at, zone)} by the tablet's clock; times"
        if diagnosis.made_at is not None
        else "Times"
    )
    lines.append(DiagnosisLine(f"{made} are in {diagnosis.zone}."))
    return lines


def problems_by_record(diagnosis: Diagnosis) -> dict[str, str]:
    """Why each attachment did not upload, by record id (for the attachments table)."""
    found: dict[str, str] = {}
    for refused in diagnosis.refused:
        for ref in refused.records:
            found.setdefault(ref.record_id, f"{_answer(refused)}, {refused.tries} tries")
    return found
