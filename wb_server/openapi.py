"""The OpenAPI document as the server really behaves.

FastAPI documents a route's success and a 422 of its own shape (``HTTPValidationError``),
which is not what the server sends. :func:`install` makes ``GET /openapi.json`` exact:

- Every non-2xx reply is :class:`~wb_desktop.core.protocol.errors.ErrorBody`, 422 included.
- A route documents the refusals of its own handler (``responses=`` with
  :func:`~wb_server.errors.problem`). The ones that come from the layers around the
  handler are added here, from the same facts those layers act on: 401 for the routes that
  need a technician's token, 401 and 403 for the admin token, 400 and 422 for request
  validation, 413 for the body limit, 431 for the header limit, and the QA faults (429,
  500, 503) on the routes the fault middleware covers.
- Sign-in is a bearer security scheme rather than an optional ``Authorization`` parameter.
- Integer limits stay integers (FastAPI writes ``2**62`` as ``4.611686018427388e+18``), and
  the upload size limit is this server's configured one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic.json_schema import models_json_schema

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.errors import ErrorBody
from wb_desktop.core.protocol.records import RECORD_MARK, RECORD_MODELS
from wb_server.body_limit import BODYLESS_METHODS, BodyLimits
from wb_server.config import ServerConfig
from wb_server.context import current_technician, require_admin
from wb_server.errors import header
from wb_server.faults import EXEMPT
from wb_server.header_limit import MAX_HEADER_BYTES, MAX_HEADERS_BYTES

ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
TECHNICIAN, ADMIN = "technician", "admin"
SECURITY_SCHEMES = {
    TECHNICIAN: {
        "type": "http",
        "scheme": "bearer",
        "description": f"The token from POST {routes.SIGN_IN}.",
    },
    ADMIN: {
        "type": "http",
        "scheme": "bearer",
        "description": "The server's admin token (wb-server --admin-token).",
    },
}
FAULTS = {
    429: "injected_fault (rate_limit), with Retry-After",
    500: "injected_fault (error_500)",
    503: "injected_fault (error_503)",
}
FAULT_NOTE = (
    f" Only while a QA fault rule set through {routes.FAULTS} matches this route; never in "
    "normal operation."
)


def install(
    app: FastAPI, routers: tuple[APIRouter, ...], config: ServerConfig, body_limits: BodyLimits
) -> None:
    """Make ``app.openapi()`` (and so ``GET /openapi.json``) return the exact document;
    ``routers`` are the app's, included as they are (no prefix of their own)."""
    generate = app.openapi
    cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        generated = generate()
        if cache.get("source") is not generated:
            exact = copy.deepcopy(generated)
            _make_exact(exact, routers, config, body_limits)
            cache.update(source=generated, exact=exact)
        result: dict[str, Any] = cache["exact"]
        return result

    app.openapi = openapi  # type: ignore[method-assign]


def _make_exact(
    schema: dict[str, Any],
    routers: tuple[APIRouter, ...],
    config: ServerConfig,
    body_limits: BodyLimits,
) -> None:
    for route in (route for router in routers for route in router.routes):
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods:
            operation = schema["paths"][route.path_format][method.lower()]
            _document_layers(operation, route, method, body_limits)
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["ErrorBody"] = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    _, records = models_json_schema(
        [(model, "serialization") for model in RECORD_MODELS.values()],
        ref_template="#/components/schemas/{model}",
    )
    for name, record in records["$defs"].items():
        schemas.setdefault(name, record)
    with_record_models(schemas)
    components["securitySchemes"] = SECURITY_SCHEMES
    upload = schemas.get("UploadRequest", {}).get("properties", {}).get("size")
    if upload is not None:  # this server's limit (wb-server's config), refused with 413
        upload["maximum"] = config.max_upload_bytes
    _integer_limits_as_integers(schema)


def with_record_models(node: Any) -> None:
    """Where a schema is a record of the type its sibling ``record_type`` names
    (:data:`~wb_desktop.core.protocol.records.RecordJson`), say which models it can be."""
    if isinstance(node, dict):
        if node.pop(RECORD_MARK, False):
            node.pop("type", None)
            node["anyOf"] = [
                {"$ref": f"#/components/schemas/{model.__name__}"}
                for model in RECORD_MODELS.values()
            ]
        for value in node.values():
            with_record_models(value)
    elif isinstance(node, list):
        for value in node:
            with_record_models(value)


def _document_layers(
    operation: dict[str, Any], route: APIRoute, method: str, body_limits: BodyLimits
) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    calls = set(_calls(route.dependant))
    challenge = {"WWW-Authenticate": header("Bearer", {"type": "string", "enum": ["Bearer"]})}
    if require_admin in calls or current_technician in calls:
        parameters = [
            p
            for p in operation.get("parameters", [])
            if (p["in"], p["name"].lower()) != ("header", "authorization")
        ]
        if parameters:
            operation["parameters"] = parameters
        else:
            operation.pop("parameters", None)
    if require_admin in calls:
        operation["security"] = [{ADMIN: []}]
        _add(responses, 401, "unauthorized: no 'Authorization: Bearer <token>' header", challenge)
        _add(
            responses,
            403,
            "admin_disabled: the server runs without an admin token; "
            "forbidden: this is not the admin token",
        )
    elif current_technician in calls:
        operation["security"] = [{TECHNICIAN: []}]
        _add(
            responses,
            401,
            "unauthorized: no 'Authorization: Bearer <token>' header, or an unknown or expired "
            "token (detail says which): sign in again",
            challenge,
        )
    if route.body_field is not None:
        _add(responses, 400, "http_error: the body could not be read (it is not UTF-8)")
    if "requestBody" in operation or any(map(_can_fail, operation.get("parameters", []))):
        _add(
            responses,
            422,
            "invalid_request: a parameter or the body does not match this schema "
            "(detail names the field)",
        )
    elif "422" in responses and responses["422"]["content"] == _json(
        {"$ref": "#/components/schemas/HTTPValidationError"}
    ):  # FastAPI's, for parameters that take any text (or the Authorization header)
        del responses["422"]
    if method not in BODYLESS_METHODS:
        limit = body_limits.for_path(route.path_format)
        _add(responses, 413, f"too_large: the request body is over {limit} bytes")
    _add(
        responses,
        431,
        f"headers_too_large: a header is over {MAX_HEADER_BYTES} bytes, "
        f"or all of them over {MAX_HEADERS_BYTES}",
    )
    if not route.path_format.startswith(EXEMPT):
        for status, what in FAULTS.items():
            headers = {"Retry-After": header("seconds", {"type": "integer"})}
            _add(responses, status, what + "." + FAULT_NOTE, headers if status == 429 else None)
    operation["responses"] = dict(sorted(responses.items()))


def _add(
    responses: dict[str, Any],
    status: int,
    description: str,
    headers: dict[str, Any] | None = None,
) -> None:
    """Document an error reply; a route's own description of that status comes first."""
    existing = responses.get(str(status))
    if existing is not None and existing.get("content") == _json(ERROR_REF):
        existing["description"] = f"{existing['description']}; {description}"
    else:
        responses[str(status)] = {"description": description, "content": _json(ERROR_REF)}
    if headers:
        responses[str(status)].setdefault("headers", {}).update(headers)


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _can_fail(parameter: dict[str, Any]) -> bool:
    """Whether validating the parameter can refuse a request: any text is always valid."""
    if parameter.get("required") and parameter["in"] != "path":
        return True  # it can be missing
    schema = parameter.get("schema", {})
    constraints = {k: v for k, v in schema.items() if k not in ("title", "description", "default")}
    return constraints not in (
        {"type": "string"},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
    )


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def _integer_limits_as_integers(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                value = node.get(key)
                if isinstance(value, float) and value.is_integer():
                    node[key] = int(value)
        for value in node.values():
            _integer_limits_as_integers(value)
    elif isinstance(node, list):
        for value in node:
            _integer_limits_as_integers(value)
