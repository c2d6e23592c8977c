"""Issue 17: every operation of ``/openapi.json``, tried by Anna against Erik's data, with no
token, and with Anna's token on the admin routes, on a real server (SQLite and PostgreSQL).

Each operation (method and path) maps to a case below; an operation without one fails the
walk, so a new route cannot be forgotten. Every answer to Anna must be a refusal (401, 403,
404 with ``{error, detail}``) or a 2xx that provably reveals nothing of Erik's (her own pull,
her own upload at 0, a ping refused on its own); no answer may carry any of Erik's data, and
after the walk nothing of Erik's has changed: his pull, the office view of his work, his
blobs and his device are as before. The admin token still gets every admin route done.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import requests
from sqlalchemy import func, select

from tests.integration.conftest import ADMIN_TOKEN, LiveServer
from tests.integration.test_blob_access import (
    ANNA,
    ERIK,
    Tech,
    assert_like_unknown,
    op,
    photo_op,
    sign_in,
    signature_op,
    unique_png,
    unknown_sha,
)
from wb_desktop.core.domain.money import LineInput, price_document
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import Blob, Device, LocationPing, Payment

HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}
APPROVE = "4242 4242 4242 4242"
Case = Callable[["Walk"], None]
CASES: dict[tuple[str, str], Case] = {}


def case(method: str, path: str) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        assert (method, path) not in CASES, f"two cases for {method} {path}"
        CASES[(method, path)] = function
        return function

    return register


def _document(
    kind: str, reference: str, customer_id: str, job_id: str | None, notes: str = ""
) -> tuple[dict[str, Any], Decimal]:
    lines = [{"description": "Labour", "quantity": "2", "unit_price": "650.00", "vat_rate": "25"}]
    total = price_document([LineInput(**line) for line in lines], "SEK").total
    payload = {
        "kind": kind,
        "reference": reference,
        "customer_id": customer_id,
        "job_id": job_id,
        "currency": "SEK",
        "lines": lines,
        "total": str(total),
        "notes": notes,
    }
    return op("document.create", payload), total


@dataclass
class Eriks:
    """What Erik has on the server, and the texts only he wrote (none may reach Anna)."""

    job_id: str = ""
    customer_id: str = ""  # a customer only Erik sees
    note_id: str = ""
    time_entry_id: str = ""
    invoice_id: str = ""
    invoice_total: Decimal = Decimal(0)
    estimate_id: str = ""
    payment_key: str = ""
    photo: bytes = b""  # attached and uploaded; Anna names it in a photo of her own
    untouched: bytes = b""  # attached and uploaded; Anna only asks about it
    signature: bytes = b""
    ping_id: str = ""
    op_id: str = ""
    record_ids: set[str] = field(default_factory=set)
    markers: list[str] = field(default_factory=list)

    def sha(self, data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    @property
    def shas(self) -> list[str]:
        return [self.sha(d) for d in (self.photo, self.untouched, self.signature)]


@dataclass
class Walk:
    server: LiveServer
    anna: Tech
    erik: Tech
    eriks: Eriks
    anna_job_id: str
    anna_customer_id: str  # a customer only Anna sees
    anna_invoice_id: str
    anna_invoice_total: Decimal
    admin: requests.Session = field(default_factory=requests.Session)
    anon: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        self.admin.headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"

    @property
    def url(self) -> str:
        return self.server.url

    # -- who asks --------------------------------------------------------------------------

    def as_anna(self, method: str, path: str, **kw: Any) -> requests.Response:
        """Anna's request; its answer must carry nothing Erik wrote, nor his bytes."""
        reply = self.anna.http.request(method, f"{self.url}{path}", timeout=30, **kw)
        assert reply.status_code < 500, f"{method} {path}: {reply.status_code} {reply.text}"
        for marker in self.eriks.markers:
            assert marker.encode() not in reply.content, f"{method} {path} revealed {marker!r}"
        for data in (self.eriks.photo, self.eriks.untouched, self.eriks.signature):
            assert data not in reply.content, f"{method} {path} returned Erik's bytes"
        return reply

    def needs_sign_in(self, method: str, path: str, **kw: Any) -> None:
        """No token, and a made-up one, are refused before anything else happens."""
        sent = dict(kw.pop("headers", {}))
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            reply = self.anon.request(
                method, f"{self.url}{path}", headers={**sent, **headers}, timeout=30, **kw
            )
            admin = path.startswith("/v1/admin")
            allowed = (401, 403) if admin and headers else (401,)
            refused(reply, *allowed)

    def admin_only(self, method: str, path: str, **kw: Any) -> requests.Response:
        """Refused to no token and to both technicians' tokens; done with the admin token."""
        self.needs_sign_in(method, path, **kw)
        refused(self.as_anna(method, path, **kw), 403)
        erik = self.erik.http.request(method, f"{self.url}{path}", timeout=30, **kw)
        refused(erik, 403)
        return self.as_admin(method, path, **kw)

    def as_admin(self, method: str, path: str, **kw: Any) -> requests.Response:
        reply = self.admin.request(method, f"{self.url}{path}", timeout=30, **kw)
        assert 200 <= reply.status_code < 300, f"admin {method} {path}: {reply.text}"
        return reply

    # -- Erik's side -------------------------------------------------------------------------

    def eriks_state(self) -> dict[str, Any]:
        """Everything of Erik's an answer to Anna could have changed."""
        office = self.admin.get(f"{self.url}/v1/admin/office/{self.erik.id}").json()
        office.pop("generated_at")
        blobs = {}
        for sha in self.eriks.shas:
            content = self.erik.content(sha)
            assert content.status_code == 200
            blobs[sha] = (self.erik.state(sha).json(), hashlib.sha256(content.content).hexdigest())
        with self.server.context.reader() as db:
            rows = {
                "blobs": [
                    (b.sha256, b.content_type, b.size, b.complete, b.uploaded_by)
                    for b in db.scalars(select(Blob).where(Blob.sha256.in_(self.eriks.shas)))
                ],
                "devices": [
                    (d.id, d.last_seq)
                    for d in db.scalars(select(Device).where(Device.technician_id == self.erik.id))
                ],
                "pings_on_his_job": db.scalar(
                    select(func.count())
                    .select_from(LocationPing)
                    .where(LocationPing.job_id == self.eriks.job_id)
                ),
            }
        return {"pull": self.erik.changes(), "office": office, "blobs": blobs, **rows}

    def office_job(self) -> str:
        """A job the office makes for this case alone (unassigned, for Anna's customer)."""
        reply = self.as_admin("POST", "/v1/admin/jobs", json=self.job_body(None))
        return str(reply.json()["id"])

    def job_body(self, technician_id: str | None) -> dict[str, Any]:
        return {
            "customer_id": self.anna_customer_id,
            "technician_id": technician_id,
            "title": "Walk-through job",
            "scheduled_start": "2026-11-27T08:00:00+00:00",
            "scheduled_end": "2026-11-27T09:00:00+00:00",
        }


def refused(reply: requests.Response, *statuses: int) -> None:
    assert reply.status_code in statuses, f"{reply.request.method} {reply.url}: {reply.text}"
    assert set(reply.json()) == {"error", "detail"}, reply.text


def start_walk(server: LiveServer) -> Walk:
    """Erik's work of a morning (note, time, photos, signature, invoice and its payment,
    an estimate, a GPS ping), and Anna's invoice."""
    anna, erik = sign_in(server, ANNA), sign_in(server, ERIK)
    annas_ids = {c["record_id"] for c in anna.changes()}
    annas_customers = set(anna.records("customer"))
    job = next(
        j
        for j in erik.records("job").values()
        if j["status"] == "scheduled" and j["customer_id"] not in annas_customers
    )
    tag = uuid.uuid4().hex[:8]
    e = Eriks(job_id=job["id"], customer_id=job["customer_id"])
    texts = {
        "note": f"Erik's gate code {tag}",
        "time": f"Erik's time {tag}",
        "invoice": f"E-INV-{tag}",
        "estimate": f"E-EST-{tag}",
        "notes": f"Erik's invoice notes {tag}",
        "photo": f"erik-{tag}.png",
        "signer": f"Signer {tag}",
    }
    e.markers = list(texts.values())
    e.photo, e.untouched, e.signature = unique_png(), unique_png(), unique_png()
    invoice, e.invoice_total = _document(
        "invoice", texts["invoice"], e.customer_id, e.job_id, texts["notes"]
    )
    estimate, _ = _document("estimate", texts["estimate"], e.customer_id, e.job_id)
    note = op("note.create", {"job_id": e.job_id, "text": texts["note"]})
    entry = op(
        "time_entry.create",
        {"job_id": e.job_id, "clock_in": "2026-11-23T07:00:00+00:00", "note": texts["time"]},
    )
    results = erik.push_ok(
        note,
        entry,
        photo_op(e.job_id, e.photo, texts["photo"]),
        photo_op(e.job_id, e.untouched, texts["photo"]),
        signature_op(e.job_id, e.signature, texts["signer"]),
        invoice,
        estimate,
    )
    for data in (e.photo, e.untouched, e.signature):
        erik.upload(data)
    e.op_id = results[0]["op_id"]
    e.note_id, e.time_entry_id = note["record_id"], entry["record_id"]
    e.invoice_id, e.estimate_id = invoice["record_id"], estimate["record_id"]
    e.payment_key = str(uuid.uuid4())
    paid = erik.http.post(
        f"{server.url}/v1/payments",
        json={
            "idempotency_key": e.payment_key,
            "document_id": e.invoice_id,
            "amount": str(e.invoice_total),
            "currency": "SEK",
            "card_number": APPROVE,
        },
    )
    assert paid.status_code == 200 and paid.json()["status"] == "approved", paid.text
    e.ping_id = str(uuid.uuid4())
    ping = {
        "id": e.ping_id,
        "recorded_at": "2026-11-23T07:10:00+00:00",
        "latitude": 59.3,
        "longitude": 18.0,
        "accuracy_m": 4.0,
        "job_id": e.job_id,
    }
    assert erik.http.post(f"{server.url}/v1/locations", json={"pings": [ping]}).json() == {
        "stored": 1,
        "already_had": 0,
    }
    e.record_ids = {c["record_id"] for c in erik.changes()} - annas_ids
    assert {e.job_id, e.customer_id, e.note_id, e.invoice_id} <= e.record_ids

    erik_customers = set(erik.records("customer"))
    anna_job = next(
        j
        for j in anna.records("job").values()
        if j["status"] != "cancelled" and j["customer_id"] not in erik_customers
    )
    anna_invoice, anna_total = _document(
        "invoice", f"A-INV-{tag}", anna_job["customer_id"], anna_job["id"]
    )
    anna.push_ok(anna_invoice)
    return Walk(
        server,
        anna,
        erik,
        e,
        anna_job["id"],
        anna_job["customer_id"],
        anna_invoice["record_id"],
        anna_total,
    )


# -- public ------------------------------------------------------------------------------------


@case("GET", "/health")
def _health(w: Walk) -> None:
    for reply in (w.anon.get(f"{w.url}/health"), w.as_anna("GET", "/health")):
        assert reply.status_code == 200
        assert set(reply.json()) == {"status", "protocol", "version", "server_time"}


@case("POST", "/v1/auth/sign-in")
def _sign_in(w: Walk) -> None:
    path = "/v1/auth/sign-in"
    with_annas = w.as_anna("POST", path, json={"email": ERIK, "password": DEMO_ACCOUNTS[ANNA]})
    unknown = w.anon.post(f"{w.url}{path}", json={"email": "x@demo.workboss.se", "password": "x"})
    wrong = w.anon.post(f"{w.url}{path}", json={"email": ERIK, "password": "guess"})
    for reply in (with_annas, unknown, wrong):
        refused(reply, 401)
    assert with_annas.json() == wrong.json() == unknown.json()  # no account oracle


# -- a technician's own ------------------------------------------------------------------------


@case("GET", "/v1/me")
def _me(w: Walk) -> None:
    w.needs_sign_in("GET", "/v1/me")
    me = w.as_anna("GET", "/v1/me").json()
    assert (me["id"], me["email"]) == (w.anna.id, ANNA)


@case("GET", "/v1/changes")
def _changes(w: Walk) -> None:
    params = {"since": 0, "limit": 5000}
    w.needs_sign_in("GET", "/v1/changes", params=params)
    reply = w.as_anna("GET", "/v1/changes", params=params)
    assert reply.status_code == 200
    changes = reply.json()["changes"]
    assert changes and not {c["record_id"] for c in changes} & w.eriks.record_ids
    jobs = [c["data"] for c in changes if c["record_type"] == "job" and not c["deleted"]]
    assert {j["technician_id"] for j in jobs} == {w.anna.id}


@case("POST", "/v1/push")
def _push(w: Walk) -> None:
    e = w.eriks
    w.needs_sign_in("POST", "/v1/push", json={"device_id": str(uuid.uuid4()), "ops": []})
    note = op("note.create", {"job_id": w.anna_job_id, "text": "on his device"})
    on_his_device = w.as_anna(
        "POST",
        "/v1/push",
        json={
            "device_id": w.erik.device_id,
            "ops": [{**note, "op_id": str(uuid.uuid4()), "seq": 99}],
        },
    )
    refused(on_his_device, 403)

    invoice_for_him, _ = _document("invoice", "A-1", e.customer_id, e.job_id)
    converted, _ = _document("invoice", "A-2", w.anna_customer_id, w.anna_job_id)
    converted["payload"]["converted_from_id"] = e.estimate_id
    priced = _document("invoice", "A-3", w.anna_customer_id, None)[0]["payload"]
    against_erik = [
        op("job.set_status", {"status": "en_route", "previous": "scheduled"}, e.job_id),
        op("note.create", {"job_id": e.job_id, "text": "Anna was here"}),
        op("customer.update", {"fields": {"notes": "Anna's"}, "previous": {}}, e.customer_id),
        op("time_entry.create", {"job_id": e.job_id, "clock_in": "2026-11-23T09:00:00+00:00"}),
        op(
            "time_entry.update",
            {"fields": {"clock_out": "2026-11-23T23:00:00+00:00"}},
            e.time_entry_id,
        ),
        photo_op(e.job_id, unique_png()),
        signature_op(e.job_id, unique_png()),
        invoice_for_him,
        converted,
        op("document.update", priced, e.invoice_id),
        op("document.send", {}, e.estimate_id),
        op("customer.create", {"name": "Taken id"}, e.customer_id),
        op("note.create", {"job_id": w.anna_job_id, "text": "taken id"}, e.note_id),
        {**op("note.create", {"job_id": w.anna_job_id, "text": "his op id"}), "op_id": e.op_id},
    ]
    results = w.anna.push(*against_erik)
    assert [r["result"] for r in results] == ["rejected"] * len(against_erik), results
    assert all(r["record"] is None and r["original_result"] is None for r in results)
    for result in results:
        for marker in e.markers:
            assert marker not in (result["reason"] or "")

    # Naming his photo's hash on her own job is a record like any other; it reads nothing.
    (attached,) = w.anna.push(photo_op(w.anna_job_id, e.photo))
    assert attached["result"] == "applied"
    assert_like_unknown(
        w.anna.content(e.sha(e.photo)), e.sha(e.photo), w.anna.content(unknown_sha())
    )


# -- attachments -----------------------------------------------------------------------------


@case("POST", "/v1/blobs/{sha256}")
def _start_upload(w: Walk) -> None:
    e = w.eriks
    for data in (e.photo, e.signature):
        sha, body = e.sha(data), {"content_type": "image/png", "size": len(data)}
        w.needs_sign_in("POST", f"/v1/blobs/{sha}", json=body)
        reply = w.as_anna("POST", f"/v1/blobs/{sha}", json=body)  # her own upload, at 0
        assert reply.status_code == 200
        assert reply.json() == {**body, "sha256": sha, "received": 0, "complete": False}


@case("GET", "/v1/blobs/{sha256}")
def _upload_state(w: Walk) -> None:
    e = w.eriks
    nobody = w.anna.state(unknown_sha())
    for sha in e.shas:
        w.needs_sign_in("GET", f"/v1/blobs/{sha}")
        reply = w.as_anna("GET", f"/v1/blobs/{sha}")
        if reply.status_code == 200:  # her own upload of the same bytes, started above
            assert sha != e.sha(e.untouched)
            assert (reply.json()["received"], reply.json()["complete"]) == (0, False)
        else:
            assert_like_unknown(reply, sha, nobody)


@case("PATCH", "/v1/blobs/{sha256}")
def _send_chunk(w: Walk) -> None:
    e = w.eriks
    headers = {"Upload-Offset": "0", "Content-Type": "application/octet-stream"}
    sha = e.sha(e.untouched)
    w.needs_sign_in("PATCH", f"/v1/blobs/{sha}", data=e.untouched, headers=headers)
    nobody = unknown_sha()
    unknown = w.anna.http.patch(f"{w.url}/v1/blobs/{nobody}", data=e.untouched, headers=headers)
    assert_like_unknown(
        w.as_anna("PATCH", f"/v1/blobs/{sha}", data=b"x", headers=headers), sha, unknown
    )

    sha = e.sha(e.photo)  # her own upload of his hash: the bytes must match
    forged = bytes(len(e.photo))
    w.as_anna("POST", f"/v1/blobs/{sha}", json={"content_type": "image/png", "size": len(forged)})
    mismatch = w.as_anna("PATCH", f"/v1/blobs/{sha}", data=forged, headers=headers)
    refused(mismatch, 422)
    assert mismatch.json()["error"] == "hash_mismatch"
    assert w.as_anna("GET", f"/v1/blobs/{sha}/content").status_code == 404


@case("GET", "/v1/blobs/{sha256}/content")
def _download(w: Walk) -> None:
    nobody = w.anna.content(unknown_sha())
    for sha in w.eriks.shas:
        w.needs_sign_in("GET", f"/v1/blobs/{sha}/content")
        assert_like_unknown(w.as_anna("GET", f"/v1/blobs/{sha}/content"), sha, nobody)


# -- online-only -----------------------------------------------------------------------------


@case("POST", "/v1/payments")
def _pay(w: Walk) -> None:
    e = w.eriks

    def body(key: str, document_id: str, amount: Decimal) -> dict[str, Any]:
        return {
            "idempotency_key": key,
            "document_id": document_id,
            "amount": str(amount),
            "currency": "SEK",
            "card_number": APPROVE,
        }

    w.needs_sign_in(
        "POST", "/v1/payments", json=body(str(uuid.uuid4()), e.invoice_id, e.invoice_total)
    )
    his_invoice = w.as_anna(
        "POST", "/v1/payments", json=body(str(uuid.uuid4()), e.invoice_id, e.invoice_total)
    )
    refused(his_invoice, 404)
    his_key = w.as_anna(
        "POST", "/v1/payments", json=body(e.payment_key, e.invoice_id, e.invoice_total)
    )
    refused(his_key, 404)  # not his payment
    on_hers = w.as_anna(
        "POST", "/v1/payments", json=body(e.payment_key, w.anna_invoice_id, w.anna_invoice_total)
    )
    refused(on_hers, 409)
    with w.server.context.reader() as db:
        charged = select(func.count()).where(Payment.document_id == w.anna_invoice_id)
        assert db.scalar(charged) == 0


@case("GET", "/v1/payments/{idempotency_key}")
def _payment_outcome(w: Walk) -> None:
    """Anna cannot learn whether Erik's card went through: his key answers her as a key
    nobody charged with."""
    e = w.eriks
    w.needs_sign_in("GET", f"/v1/payments/{e.payment_key}")
    his = w.as_anna("GET", f"/v1/payments/{e.payment_key}")
    unknown = w.as_anna("GET", f"/v1/payments/{uuid.uuid4()}")
    refused(his, 404)
    refused(unknown, 404)
    assert his.json()["error"] == unknown.json()["error"]
    mine = w.erik.http.get(f"{w.url}/v1/payments/{e.payment_key}", timeout=30)
    assert mine.status_code == 200 and mine.json()["status"] == "approved", mine.text


@case("POST", "/v1/locations")
def _locations(w: Walk) -> None:
    e = w.eriks

    def ping(ping_id: str, job_id: str | None) -> dict[str, Any]:
        return {
            "id": ping_id,
            "recorded_at": "2026-11-23T09:30:00+00:00",
            "latitude": 59.0,
            "longitude": 18.0,
            "job_id": job_id,
        }

    w.needs_sign_in("POST", "/v1/locations", json={"pings": [ping(str(uuid.uuid4()), None)]})
    on_his_job, his_id = ping(str(uuid.uuid4()), e.job_id), ping(e.ping_id, None)
    reply = w.as_anna("POST", "/v1/locations", json={"pings": [on_his_job, his_id]})
    assert reply.status_code == 200
    assert reply.json()["stored"] == reply.json()["already_had"] == 0
    assert [(r["id"], r["error"]) for r in reply.json()["refused"]] == [
        (on_his_job["id"], "not_found"),
        (e.ping_id, "id_in_use"),
    ]


# -- the office (admin token) ------------------------------------------------------------------


@case("GET", "/v1/admin/technicians")
def _technicians(w: Walk) -> None:
    assert len(w.admin_only("GET", "/v1/admin/technicians").json()) == len(DEMO_ACCOUNTS)


@case("GET", "/v1/admin/customers")
def _customers(w: Walk) -> None:
    ids = {c["id"] for c in w.admin_only("GET", "/v1/admin/customers").json()}
    assert w.eriks.customer_id in ids


@case("GET", "/v1/admin/jobs")
def _jobs(w: Walk) -> None:
    jobs = w.admin_only("GET", "/v1/admin/jobs", params={"technician_id": w.erik.id}).json()
    assert w.eriks.job_id in {j["id"] for j in jobs}


@case("POST", "/v1/admin/jobs")
def _create_job(w: Walk) -> None:
    w.needs_sign_in("POST", "/v1/admin/jobs", json=w.job_body(w.erik.id))
    refused(w.as_anna("POST", "/v1/admin/jobs", json=w.job_body(w.erik.id)), 403)
    assert w.as_admin("POST", "/v1/admin/jobs", json=w.job_body(None)).status_code == 201


@case("PATCH", "/v1/admin/jobs/{job_id}")
def _edit_job(w: Walk) -> None:
    edit = {"title": "Moved by the walk"}
    refused(w.as_anna("PATCH", f"/v1/admin/jobs/{w.eriks.job_id}", json=edit), 403)
    w.admin_only("PATCH", f"/v1/admin/jobs/{w.office_job()}", json=edit)


@case("POST", "/v1/admin/jobs/{job_id}/assign")
def _assign(w: Walk) -> None:
    to_anna = {"technician_id": w.anna.id}
    refused(w.as_anna("POST", f"/v1/admin/jobs/{w.eriks.job_id}/assign", json=to_anna), 403)
    w.admin_only("POST", f"/v1/admin/jobs/{w.office_job()}/assign", json=to_anna)


@case("POST", "/v1/admin/jobs/{job_id}/cancel")
def _cancel(w: Walk) -> None:
    refused(w.as_anna("POST", f"/v1/admin/jobs/{w.eriks.job_id}/cancel"), 403)
    w.admin_only("POST", f"/v1/admin/jobs/{w.office_job()}/cancel")


@case("PATCH", "/v1/admin/customers/{customer_id}")
def _edit_customer(w: Walk) -> None:
    edit = {"notes": "Changed by the walk"}
    refused(w.as_anna("PATCH", f"/v1/admin/customers/{w.eriks.customer_id}", json=edit), 403)
    w.admin_only("PATCH", f"/v1/admin/customers/{w.anna_customer_id}", json=edit)


@case("GET", "/v1/admin/office/{technician_id}")
def _office(w: Walk) -> None:
    view = w.admin_only("GET", f"/v1/admin/office/{w.erik.id}").json()
    assert w.eriks.note_id in {n["id"] for n in view["notes"]}


@case("POST", "/v1/admin/faults")
def _add_fault(w: Walk) -> None:
    never = {"kind": "latency", "route": "/v1/never-matches", "latency_ms": 0}
    fault = w.admin_only("POST", "/v1/admin/faults", json=never).json()
    w.as_admin("DELETE", f"/v1/admin/faults/{fault['id']}")


@case("GET", "/v1/admin/faults")
def _faults(w: Walk) -> None:
    assert isinstance(w.admin_only("GET", "/v1/admin/faults").json(), list)


@case("DELETE", "/v1/admin/faults")
def _clear_faults(w: Walk) -> None:
    w.admin_only("DELETE", "/v1/admin/faults")


@case("DELETE", "/v1/admin/faults/{fault_id}")
def _clear_fault(w: Walk) -> None:
    never = {"kind": "latency", "route": "/v1/never-matches", "latency_ms": 0}
    fault = w.as_admin("POST", "/v1/admin/faults", json=never).json()
    w.admin_only("DELETE", f"/v1/admin/faults/{fault['id']}")


@case("GET", "/v1/admin/requests")
def _request_log(w: Walk) -> None:
    lines = w.admin_only("GET", "/v1/admin/requests", params={"limit": 5}).json()["lines"]
    assert 0 < len(lines) <= 5


@case("POST", "/v1/admin/technicians/{technician_id}/token")
def _technician_token(w: Walk) -> None:
    token = w.admin_only("POST", f"/v1/admin/technicians/{w.erik.id}/token").json()["token"]
    me = requests.get(f"{w.url}/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.json()["id"] == w.erik.id


# -- the walk ----------------------------------------------------------------------------------


def test_every_operation_keeps_eriks_data_from_anna(live_server: LiveServer) -> None:
    spec = requests.get(f"{live_server.url}/openapi.json", timeout=10).json()
    operations = [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in HTTP_METHODS
    ]
    missing = [f"no authorisation case for {m} {p}" for m, p in operations if (m, p) not in CASES]
    assert missing == []
    gone = [f"stale case for {m} {p}" for m, p in CASES if (m, p) not in operations]
    assert gone == []

    walk = start_walk(live_server)
    before = walk.eriks_state()
    for operation in operations:
        CASES[operation](walk)
    assert walk.eriks_state() == before
    for sha in walk.eriks.shas:  # and still nothing of his reads as Anna's
        assert walk.anna.content(sha).status_code == 404
