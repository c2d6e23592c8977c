"""A diagnosis in plain words: the summary lines support reads first, and why each
attachment did not upload.

Each line is a :class:`~wb_desktop.core.domain.text.Text`: English where it is printed (the
diagnostics command line, logs, tests) and said in the console's language by
``wb_desktop.ui.messages.translated``. Singular and plural are two templates each, chosen by
the count, since a Text has no plural forms of its own.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.kinds import RecordType
from wb_desktop.tools.diagnostics.diagnosis_findings import (
    Diagnosis,
    DiagnosisLine,
    RecordRef,
    RefusedRequests,
)

# "%1 photos on 'EV charger installation' (front.png, label.png)", by record type: one, many.
_ON_JOB: dict[str, tuple[str, str]] = {
    RecordType.PHOTO: (
        QT_TRANSLATE_NOOP("Domain", "%1 photo on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 photos on '%2' (%3)"),
    ),
    RecordType.SIGNATURE: (
        QT_TRANSLATE_NOOP("Domain", "%1 signature on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 signatures on '%2' (%3)"),
    ),
    RecordType.NOTE: (
        QT_TRANSLATE_NOOP("Domain", "%1 note on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 notes on '%2' (%3)"),
    ),
    RecordType.JOB: (
        QT_TRANSLATE_NOOP("Domain", "%1 job change on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 job changes on '%2' (%3)"),
    ),
    RecordType.CUSTOMER: (
        QT_TRANSLATE_NOOP("Domain", "%1 customer change on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 customer changes on '%2' (%3)"),
    ),
    RecordType.TIME_ENTRY: (
        QT_TRANSLATE_NOOP("Domain", "%1 time entry on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 time entries on '%2' (%3)"),
    ),
    RecordType.DOCUMENT: (
        QT_TRANSLATE_NOOP("Domain", "%1 document on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 documents on '%2' (%3)"),
    ),
    RecordType.JOB_LINE_ITEM: (
        QT_TRANSLATE_NOOP("Domain", "%1 line item on '%2' (%3)"),
        QT_TRANSLATE_NOOP("Domain", "%1 line items on '%2' (%3)"),
    ),
}
# A log line as app/logs.py writes it: "<date> <time> LEVEL logger [thread] message".
_LOG_LINE = re.compile(r"^\S+ (\d\d:\d\d:\d\d)\S* (?:WARNING|ERROR|CRITICAL) \S+ (?:\[[^\]]*\] )?")


def _hm(at: datetime, zone: tzinfo) -> str:
    return at.astimezone(zone).strftime("%H:%M")


def _count(count: int, one: str, many: str) -> Text:
    return Text(one if count == 1 else many, count)


def describe_records(records: tuple[RecordRef, ...]) -> Text:
    """'2 photos on 'EV charger installation' (front.png, label.png)'; by kind and job."""
    by: dict[tuple[str, str], list[str]] = {}
    for ref in records:
        by.setdefault((ref.record_type, ref.job_title), []).append(ref.name)
    parts: list[str | int] = []
    for (kind, title), names in by.items():
        one, many = _ON_JOB.get(kind, _ON_JOB[RecordType.NOTE])
        chosen = one if len(names) == 1 else many
        parts.append(Text(chosen, len(names), title, ", ".join(sorted(names))))
    return Text.join("; ", parts)


def _answer(refused: RefusedRequests) -> Text:
    said = (
        Text(QT_TRANSLATE_NOOP("Domain", "no reply"))
        if refused.status is None
        else Text(QT_TRANSLATE_NOOP("Domain", "the server answered %1"), str(refused.status))
    )
    if refused.fault_kind is not None:
        template = QT_TRANSLATE_NOOP("Domain", "%1 (injected fault %2)")
        return Text(template, said, refused.fault_kind)
    if refused.server_error:
        return Text(QT_TRANSLATE_NOOP("Domain", "%1 (%2)"), said, refused.server_error)
    return said


def _refused_line(refused: RefusedRequests, zone: tzinfo) -> Text:
    about: Text = describe_records(refused.records)
    if not about:
        about = (
            Text(QT_TRANSLATE_NOOP("Domain", "%1 changes"), refused.op_kind)
            if refused.op_kind
            else Text(QT_TRANSLATE_NOOP("Domain", "requests to %1"), refused.route)
        )
    first, last = _hm(refused.first_at, zone), _hm(refused.last_at, zone)
    when = (
        Text(QT_TRANSLATE_NOOP("Domain", "at %1"), first)
        if refused.first_at == refused.last_at
        else Text(QT_TRANSLATE_NOOP("Domain", "between %1 and %2"), first, last)
    )
    tries = _count(
        refused.tries,
        QT_TRANSLATE_NOOP("Domain", "%1 try"),
        QT_TRANSLATE_NOOP("Domain", "%1 tries"),
    )
    upload = refused.route == routes.BLOBS
    if refused.recovered:
        template = (
            QT_TRANSLATE_NOOP(
                "Domain", "%1 could not upload: %2 to %3 %4; later requests went through."
            )
            if upload
            else QT_TRANSLATE_NOOP(
                "Domain", "%1 were refused: %2 to %3 %4; later requests went through."
            )
        )
    else:
        template = (
            QT_TRANSLATE_NOOP("Domain", "%1 could not upload: %2 to %3 %4.")
            if upload
            else QT_TRANSLATE_NOOP("Domain", "%1 were refused: %2 to %3 %4.")
        )
    return Text(template, about, _answer(refused), tries, when)


def _waiting_lines(diagnosis: Diagnosis) -> list[DiagnosisLine]:
    waiting = diagnosis.waiting
    if not waiting.pending:
        return [DiagnosisLine(Text(QT_TRANSLATE_NOOP("Domain", "No change waits in the outbox.")))]
    behind = (
        Text(
            QT_TRANSLATE_NOOP("Domain", "%1 of them behind a change not yet accepted"),
            waiting.blocked,
        )
        if waiting.blocked
        else Text(QT_TRANSLATE_NOOP("Domain", "behind nothing"))
    )
    template = (
        QT_TRANSLATE_NOOP("Domain", "%1 change waits in the outbox, %2.")
        if waiting.pending == 1
        else QT_TRANSLATE_NOOP("Domain", "%1 changes wait in the outbox, %2.")
    )
    return [DiagnosisLine(Text(template, waiting.pending, behind))]


def _log_line(diagnosis: Diagnosis) -> Text:
    """How many warnings the logs hold, and the last one's message with its time (the log
    line's date, level, logger and thread left out)."""
    last = diagnosis.log_warnings[-1] if diagnosis.log_warnings else ""
    found = _LOG_LINE.match(last)
    message = last[found.end() :] if found else last
    count = _count(
        diagnosis.log_warning_count,
        QT_TRANSLATE_NOOP("Domain", "%1 warning or error"),
        QT_TRANSLATE_NOOP("Domain", "%1 warnings or errors"),
    )
    if found is None:
        return Text(QT_TRANSLATE_NOOP("Domain", "The log has %1; the last: %2"), count, message)
    template = QT_TRANSLATE_NOOP("Domain", "The log has %1; the last, at %2: %3")
    return Text(template, count, found.group(1), message)


def diagnosis_lines(diagnosis: Diagnosis, zone: tzinfo) -> list[DiagnosisLine]:
    lines = [
        DiagnosisLine(_refused_line(r, zone), r.request_ids)
        for r in sorted(diagnosis.refused, key=lambda r: (r.recovered, r.first_at))
    ]
    named = {ref.record_id for r in diagnosis.refused for ref in r.records}
    unexplained = tuple(ref for ref in diagnosis.uploads_waiting if ref.record_id not in named)
    if unexplained:
        template = QT_TRANSLATE_NOOP(
            "Domain", "Waiting to upload: %1; the trace shows no refusal of them."
        )
        lines.append(DiagnosisLine(Text(template, describe_records(unexplained))))
    lines += _waiting_lines(diagnosis)
    if diagnosis.waiting.dead:
        template = (
            QT_TRANSLATE_NOOP("Domain", "%1 change refused for good (dead).")
            if diagnosis.waiting.dead == 1
            else QT_TRANSLATE_NOOP("Domain", "%1 changes refused for good (dead).")
        )
        lines.append(DiagnosisLine(Text(template, diagnosis.waiting.dead)))
    if diagnosis.last_sync is not None:
        request = (diagnosis.last_sync_request,) if diagnosis.last_sync_request else ()
        last_sync = _hm(diagnosis.last_sync, zone)
        template = QT_TRANSLATE_NOOP("Domain", "Last successful sync %1.")
        lines.append(DiagnosisLine(Text(template, last_sync), request))
    else:
        no_sync = QT_TRANSLATE_NOOP("Domain", "The trace holds no successful sync.")
        lines.append(DiagnosisLine(Text(no_sync)))
    for period in diagnosis.offline:
        requests = _count(
            period.requests,
            QT_TRANSLATE_NOOP("Domain", "%1 request"),
            QT_TRANSLATE_NOOP("Domain", "%1 requests"),
        )
        start, end = _hm(period.start, zone), _hm(period.end, zone)
        offline = (
            Text(QT_TRANSLATE_NOOP("Domain", "Offline at %1 (%2 not sent)."), start, requests)
            if period.start == period.end
            else Text(
                QT_TRANSLATE_NOOP("Domain", "Offline from %1 to %2 (%3 not sent)."),
                start,
                end,
                requests,
            )
        )
        lines.append(DiagnosisLine(offline, period.request_ids))
    if diagnosis.log_warning_count:
        lines.append(DiagnosisLine(_log_line(diagnosis)))
    made = (
        Text(
            QT_TRANSLATE_NOOP(
                "Domain", "The bundle was made at %1 by the tablet's clock; times are in %2."
            ),
            _hm(diagnosis.made_at, zone),
            diagnosis.zone,
        )
        if diagnosis.made_at is not None
        else Text(QT_TRANSLATE_NOOP("Domain", "Times are in %1."), diagnosis.zone)
    )
    lines.append(DiagnosisLine(made))
    return lines


def problems_by_record(diagnosis: Diagnosis) -> dict[str, Text]:
    """Why each attachment did not upload, by record id (for the attachments table)."""
    found: dict[str, Text] = {}
    for refused in diagnosis.refused:
        tries = _count(
            refused.tries,
            QT_TRANSLATE_NOOP("Domain", "%1 try"),
            QT_TRANSLATE_NOOP("Domain", "%1 tries"),
        )
        for ref in refused.records:
            found.setdefault(
                ref.record_id, Text(QT_TRANSLATE_NOOP("Domain", "%1, %2"), _answer(refused), tries)
            )
    return found
