"""The floor of ``server_scale_out.py``: the same FastAPI/uvicorn stack, a trivial handler.

``uvicorn _trivial_server:app --workers N`` (from the ``bench`` folder) serves it in N
processes, as ``wb-server --workers N`` serves the product. ``POST /v1/push`` parses the JSON
body (as the real route does, on the same thread pool) and answers one result per op;
``GET /v1/changes`` answers a page of the same size as a real pull page.
"""

from __future__ import annotations

from typing import Any

from fastapi import Body, FastAPI, Query

app = FastAPI()
ROW = {
    "seq": 1,
    "record_type": "note",
    "record_id": "00000000-0000-0000-0000-000000000000",
    "version": 1,
    "deleted": False,
    "data": {"id": "00000000-0000-0000-0000-000000000000", "text": "x" * 60, "version": 1},
    "origin_device_id": None,
}


@app.post("/v1/push")
def push(body: dict[str, Any] = Body(...)) -> dict[str, Any]:  # noqa: B008 - FastAPI's idiom
    results = [{"op_id": op["op_id"], "seq": op["seq"], "result": "applied"} for op in body["ops"]]
    return {"results": results, "last_seq": body["ops"][-1]["seq"]}


@app.get("/v1/changes")
def changes(since: int = Query(0), limit: int = Query(1000)) -> dict[str, Any]:
    page = [{**ROW, "seq": since + n + 1} for n in range(limit)]
    return {"changes": page, "next_cursor": since + limit, "has_more": True}


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
