"""The wire contract is defined once (wb_desktop.core.protocol), and both sides use it.

The server's routes declare exactly the shared models (its OpenAPI components are theirs),
every op kind has a payload model and a handler, the record and fault kinds everyone uses
are the shared ones, and the client turns any reply its model refuses into a
``ProtocolError`` (a failed attempt with a readable reason), never into data.
"""

from __future__ import annotations

import json
import typing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy import delete, select

from tests.conftest import PNG_1X1, Schedule
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.protocol import (
    admin,
    auth,
    blobs,
    errors,
    faults,
    health,
    locations,
    payments,
    pull,
    push,
    records,
    requests_log,
    routes,
)
from wb_desktop.core.protocol.kinds import FaultKind, OpKind, RecordType
from wb_desktop.core.protocol.ops import PAYLOADS, payload_problem
from wb_desktop.core.store.cache import LocalCache
from wb_desktop.core.store.models import OutboxDependency, OutboxOp
from wb_desktop.core.sync.protocol_client import ProtocolError, SyncApi
from wb_desktop.core.sync.push import Pusher, unsendable
from wb_desktop.core.sync.transport import HttpReply, HttpRequest
from wb_server.openapi import with_record_models

REF = "#/components/schemas/{model}"
SHARED_MODULES = (
    admin,
    auth,
    blobs,
    errors,
    faults,
    health,
    locations,
    payments,
    pull,
    push,
    records,
    requests_log,
)
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    from wb_server.app import create_app
    from wb_server.config import ServerConfig

    folder = tmp_path_factory.mktemp("server")
    config = ServerConfig(
        database_url=f"sqlite:///{(folder / 'server.sqlite3').as_posix()}",
        blob_dir=folder / "blobs",
        admin_token="admin",
    )
    return create_app(config)


def _shared_models() -> dict[str, type[BaseModel]]:
    return {
        name: value
        for module in SHARED_MODULES
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel
    }


def test_every_record_model_is_documented_and_says_every_field_the_server_stores(
    app: FastAPI,
) -> None:
    from wb_server.feed import RECORD_TYPES

    components = app.openapi()["components"]["schemas"]
    assert set(RECORD_TYPES) == set(records.RECORD_MODELS) == set(RecordType)
    for record_type, model in records.RECORD_MODELS.items():
        assert model.__name__ in components, model.__name__
        stored = {column.key for column in RECORD_TYPES[record_type].__table__.columns}
        kept_to_itself = {"created_by"}  # who made a customer is the server's business
        assert set(model.model_fields) == stored - kept_to_itself, record_type
    change = components["ChangeOut"]["properties"]["data"]["anyOf"][0]
    assert {"$ref": REF.format(model="CustomerRecord")} in change["anyOf"]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) for model in _models_in(arg)]


def _routes() -> list[APIRoute]:
    from wb_server.app import ROUTERS

    return [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]


def test_every_route_declares_shared_models_only() -> None:
    shared = set(_shared_models().values())
    declared = set()
    for route in _routes():
        models = _models_in(route.response_model)
        if route.body_field is not None:
            models += _models_in(route.body_field.field_info.annotation)
        assert set(models) <= shared, f"{route.path} declares a model of its own: {models}"
        declared |= set(models)
    assert declared >= {push.PushRequest, push.PushReply, pull.ChangesPage, auth.SignInReply}


def test_the_openapi_components_are_the_shared_models_schemas(app: FastAPI) -> None:
    components = app.openapi()["components"]["schemas"]
    shared = _shared_models()
    for name, schema in components.items():
        assert name in shared or name in {"FaultKind"}, f"{name} is not a shared model"
        model = shared.get(name)
        if model is None:
            continue
        expected = {
            key: value
            for mode in ("validation", "serialization")
            for key, value in model.model_json_schema(ref_template=REF, mode=mode).items()
            if key != "$defs"
        }
        expected = _without_null_defaults(expected)  # FastAPI leaves `"default": null` out
        with_record_models(expected)  # a record inside a reply: one of the record models
        documented = json.loads(json.dumps(schema))
        if name == "UploadRequest":  # the server writes its configured limit in
            documented["properties"]["size"].pop("maximum")
        assert documented["properties"] == expected["properties"], name
        assert set(documented.get("required", [])) == set(expected.get("required", [])), name


def _without_null_defaults(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _without_null_defaults(value)
            for key, value in node.items()
            if not (key == "default" and value is None)
        }
    if isinstance(node, list):
        return [_without_null_defaults(value) for value in node]
    return node


def test_every_route_path_is_a_shared_one() -> None:
    paths = {
        value
        for name, value in vars(routes).items()
        if name.isupper() and isinstance(value, str) and value.startswith("/")
    }
    served = {route.path for route in _routes()}
    assert served <= paths


def test_every_op_kind_has_a_payload_model_and_a_handler() -> None:
    from wb_server.routes.push import HANDLERS

    assert set(PAYLOADS) == set(OpKind)
    assert set(HANDLERS) == set(OpKind)
    assert {kind.record_type for kind in OpKind} <= set(RecordType)


def test_record_and_fault_kinds_are_the_shared_ones() -> None:
    from wb_desktop.core.store.record_info import RECORD_MODELS
    from wb_desktop.core.sync.records import KINDS
    from wb_desktop.tools.scenario.vocabulary import FAULT_KINDS
    from wb_server.feed import RECORD_TYPES

    assert set(RECORD_TYPES) == set(RecordType)
    assert set(RECORD_MODELS) == set(RecordType)
    assert set(KINDS) == set(RecordType)
    assert all(isinstance(key, RecordType) for key in (*RECORD_TYPES, *RECORD_MODELS, *KINDS))
    assert tuple(kind.value for kind in FaultKind) == FAULT_KINDS
    assert faults.FaultIn.model_fields["kind"].annotation is FaultKind


def test_no_module_but_the_contract_spells_a_route_path() -> None:
    """The paths are written in routes.py only (docs and tests may spell them)."""
    root = Path(__file__).resolve().parents[2]
    spelled = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("wb_desktop", "wb_server")
        for path in (root / folder).rglob("*.py")
        if path.name != "routes.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if '"/v1' in line
    ]
    assert spelled == []


@pytest.mark.parametrize(
    ("kind", "payload", "field"),
    [
        (OpKind.TIME_ENTRY_UPDATE, {"fields": {"clock_out": "yesterday"}}, "clock_out"),
        (
            OpKind.TIME_ENTRY_UPDATE,
            {"fields": {"clock_in": "2026-01-01T00:00:00+00:00"}},
            "clock_in",
        ),
        (OpKind.JOB_SET_STATUS, {"status": "en_route", "changed_at": 42}, "changed_at"),
        (OpKind.PHOTO_CREATE, {"job_id": "j", "sha256": "ABC", "byte_size": 1}, "sha256"),
        (OpKind.NOTE_CREATE, {"job_id": "j"}, "text"),
    ],
)
def test_a_malformed_payload_is_named_by_its_field(
    kind: OpKind, payload: dict[str, Any], field: str
) -> None:
    problem = payload_problem(kind, payload)
    assert (
        problem is not None
        and f"payload.{'fields.' if 'fields' in payload else ''}{field}" in problem
    )


class OneReply:
    def __init__(self, reply: HttpReply) -> None:
        self.reply = reply

    def send(self, _request: HttpRequest) -> HttpReply:
        return self.reply


def _json(body: object) -> HttpReply:
    return HttpReply(200, JSON, json.dumps(body).encode())


CALLS = {
    "health": lambda api: api.health(),
    "sign_in": lambda api: api.sign_in("anna@example.com", "secret"),
    "pull": lambda api: api.pull(0, 10),
    "push": lambda api: api.push("device", []),
    "blob_status": lambda api: api.blob_status("0" * 64),
    "send_locations": lambda api: api.send_locations([]),
}
MALFORMED = {
    "a Wi-Fi login page": HttpReply(200, {"content-type": "text/html"}, b"<html>Log in</html>"),
    "a truncated body": HttpReply(200, JSON, b'{"protocol": 1, "changes": [{"seq'),
    "a list": _json([1, 2]),
    "another server's object": _json({"protocol": 1, "hello": "world"}),
    "text for a number": _json(
        {
            "protocol": "1",
            "changes": [],
            "next_cursor": "0",
            "has_more": False,
            "results": [],
            "last_seq": "0",
            "received": "0",
            "stored": "0",
        }
    ),
}


@pytest.mark.parametrize("call", sorted(CALLS))
@pytest.mark.parametrize("malformed", sorted(MALFORMED))
def test_the_client_turns_a_malformed_reply_into_a_protocol_error(
    call: str, malformed: str
) -> None:
    api = SyncApi(OneReply(MALFORMED[malformed]))
    with pytest.raises(ProtocolError) as caught:
        CALLS[call](api)
    assert str(caught.value)


def test_the_client_reads_a_wrong_type_deep_in_a_reply_by_its_path() -> None:
    change = {
        "seq": 1,
        "record_type": "job",
        "record_id": "x",
        "version": "2",
        "deleted": False,
        "data": {},
        "origin_device_id": None,
    }
    api = SyncApi(OneReply(_json({"changes": [change], "next_cursor": 1, "has_more": False})))
    with pytest.raises(ProtocolError, match=r"'changes\.0\.version'"):
        api.pull(0, 10)


def test_a_push_reply_names_the_fields_settled_by_policy(app: FastAPI) -> None:
    """Issue 21: the reply carries, per op, each field settled by policy with both values."""
    schemas = app.openapi()["components"]["schemas"]
    result = schemas["OpResultOut"]["properties"]["settled"]
    assert result["items"] == {"$ref": REF.format(model="SettledField")}
    settled = schemas["SettledField"]
    assert set(settled["required"]) == {"field", "winner", "policy", "kept", "lost"}
    assert settled["properties"]["winner"]["enum"] == ["server", "client"]
    assert settled["properties"]["policy"]["enum"] == [
        "office_owned",
        "technician_owned",
        "status_machine",
        "last_write",
    ]
    op = push.OpIn(
        op_id="0b8f2a1c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
        seq=1,
        kind="customer.update",
        record_type="customer",
        record_id="5e0c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
        base_version=1,
        payload={"fields": {"phone": "070-1"}, "previous": {"phone": "070-0"}},
    )
    answer = {
        "op_id": op.op_id,
        "seq": 1,
        "result": "applied",
        "settled": [
            {
                "field": "phone",
                "winner": "client",
                "policy": "technician_owned",
                "kept": "070-1",
                "lost": "070-2",
            }
        ],
    }
    reply = SyncApi(OneReply(_json({"results": [answer], "last_seq": 1}))).push("device", [op])
    assert reply.results[0].settled[0].lost == "070-2"
    answer["settled"][0]["winner"] = "office"  # type: ignore[index]
    with pytest.raises(ProtocolError, match=r"settled\.0\.winner"):
        SyncApi(OneReply(_json({"results": [answer], "last_seq": 1}))).push("device", [op])


def test_every_op_the_app_writes_is_sendable_as_the_contract_says(
    cache: LocalCache, schedule: Schedule, clock: FixedClock
) -> None:
    """A day's work touching every op kind: each op, as the pusher claims it, passes the
    shared envelope and its kind's payload model (so none is dead-lettered before it goes)."""
    karin, _oliver = schedule.customer_ids
    boiler, _leak = schedule.job_ids
    changes = cache.changes
    changes.customers.create({"name": "Åsa Öberg", "phone": "+46 70 123 45 67"})
    changes.customers.edit(karin, {"phone": "+46 8 555 0101"})
    changes.jobs.set_status(boiler, "en_route")
    changes.jobs.add_note(boiler, "Gate code 4711")
    changes.time.clock_in(boiler)
    clock.advance(timedelta(minutes=30))
    changes.time.clock_out(boiler)
    changes.media.add_photo(boiler, PNG_1X1, "kitchen.png")
    changes.media.add_signature(
        boiler, "Karin Lund", [[[10, 10, 0.5, 0], [80, 40, 0.6, 120]]], PNG_1X1
    )
    line = {"description": "Labour", "quantity": "2", "unit_price": "650", "vat_rate": "25"}
    invoice = changes.documents.create("invoice", karin, [line], job_id=boiler).record_id
    changes.documents.edit(invoice, notes="Paid on site")
    changes.documents.send(invoice)
    with cache.database.writer() as session, session.begin():
        session.execute(delete(OutboxDependency))  # every op ready at once, for this check
    pusher = Pusher(SyncApi(OneReply(_json({}))), cache.database, clock, cache.device_id)
    with cache.database.reader() as session:
        waiting = session.scalars(select(OutboxOp.op_id)).all()
    ops = pusher.claim_batch()
    assert {op.op_id for op in ops} == set(waiting)
    assert {op.kind for op in ops} == set(OpKind)
    assert {op.kind: unsendable(op) for op in ops} == {op.kind: None for op in ops}


def test_the_rejection_codes_by_name_are_the_contracts_codes() -> None:
    assert set(typing.get_args(push.RejectionCode)) == {
        push.SEQ_USED,
        push.OP_ID_USED,
        push.SERVER_ERROR,
    }
