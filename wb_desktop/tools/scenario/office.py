"""The office side of the reference server, over its admin API: dispatcher, office view,
faults. Scenarios use it to stage what the office and the network do, and the support
console to dispatch.

Every reply is parsed into its model in the wire contract (:class:`OfficeError` names what
does not match) and handed on as that model: the tools read records as typed fields, never
by hand, and a server that drifts from the contract fails here, not in a check far away.
Where a caller needs the JSON (a table of arbitrary columns, a report), it asks the model
for it with ``model_dump(mode="json")``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import requests
from pydantic import TypeAdapter, ValidationError

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.admin import OfficeView
from wb_desktop.core.protocol.auth import TechnicianOut, TechnicianToken
from wb_desktop.core.protocol.faults import FaultOut
from wb_desktop.core.protocol.records import CustomerRecord, JobRecord
from wb_desktop.core.protocol.requests_log import RequestLogLine, RequestLogPage

_TECHNICIANS = TypeAdapter(list[TechnicianOut])
_TOKEN = TypeAdapter(TechnicianToken)
_CUSTOMERS = TypeAdapter(list[CustomerRecord])
_CUSTOMER = TypeAdapter(CustomerRecord)
_JOBS = TypeAdapter(list[JobRecord])
_JOB = TypeAdapter(JobRecord)
_OFFICE_VIEW = TypeAdapter(OfficeView)
_FAULTS = TypeAdapter(list[FaultOut])
_FAULT = TypeAdapter(FaultOut)
_LOG = TypeAdapter(RequestLogPage)
T = TypeVar("T")


class OfficeError(Exception):
    """The admin API refused a request; the message carries the server's reason."""


class Office:
    def __init__(self, server_url: str, admin_token: str, timeout_s: float = 15.0) -> None:
        self.url = server_url.rstrip("/")
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {admin_token}"
        self._timeout_s = timeout_s

    def technicians(self) -> list[TechnicianOut]:
        return self._call("GET", routes.ADMIN_TECHNICIANS, _TECHNICIANS)

    def technician_id(self, email: str) -> str:
        for technician in self.technicians():
            if technician.email == email:
                return technician.id
        raise OfficeError(f"the server has no technician {email}")

    def technician_token(self, technician_id: str) -> str:
        """An ordinary bearer token for the technician, to replay a diagnostics bundle."""
        path = routes.technician_token(technician_id)
        return self._call("POST", path, _TOKEN).token

    def customers(self) -> list[CustomerRecord]:
        return self._call("GET", routes.ADMIN_CUSTOMERS, _CUSTOMERS)

    def jobs(self, technician_id: str | None = None) -> list[JobRecord]:
        params = {"technician_id": technician_id} if technician_id else None
        return self._call("GET", routes.ADMIN_JOBS, _JOBS, params=params)

    def create_job(self, **fields: Any) -> JobRecord:
        return self._call("POST", routes.ADMIN_JOBS, _JOB, json=fields)

    def edit_job(self, job_id: str, **fields: Any) -> JobRecord:
        return self._call("PATCH", routes.admin_job(job_id), _JOB, json=fields)

    def assign_job(self, job_id: str, technician_id: str | None) -> JobRecord:
        body = {"technician_id": technician_id}
        return self._call("POST", routes.admin_job_assign(job_id), _JOB, json=body)

    def cancel_job(self, job_id: str) -> JobRecord:
        return self._call("POST", routes.admin_job_cancel(job_id), _JOB)

    def edit_customer(self, customer_id: str, **fields: Any) -> CustomerRecord:
        path = routes.admin_customer(customer_id)
        return self._call("PATCH", path, _CUSTOMER, json=fields)

    def office_view(self, technician_id: str) -> OfficeView:
        return self._call("GET", routes.office_view(technician_id), _OFFICE_VIEW)

    def add_fault(self, **options: Any) -> FaultOut:
        return self._call("POST", routes.FAULTS, _FAULT, json=options)

    def faults(self) -> list[FaultOut]:
        return self._call("GET", routes.FAULTS, _FAULTS)

    def clear_faults(self) -> None:
        self._send("DELETE", routes.FAULTS)

    def request_log(
        self, request_ids: Sequence[str] = (), limit: int = 100
    ) -> list[RequestLogLine]:
        """The server's own log lines for these request ids (the newest ``limit`` without)."""
        params: dict[str, Any] = {"limit": limit}
        if request_ids:
            params["request_id"] = list(request_ids)
        return self._call("GET", routes.REQUEST_LOG, _LOG, params=params).lines

    def close(self) -> None:
        self._session.close()

    def _call(
        self,
        method: str,
        path: str,
        reply: TypeAdapter[T],
        *,
        json: Any = None,
        params: Any = None,
    ) -> T:
        """The server's answer as ``reply`` (its model in the contract)."""
        answer = self._send(method, path, json=json, params=params)
        try:
            return reply.validate_python(answer.json())
        except (ValueError, ValidationError) as error:
            raise OfficeError(f"{method} {path}: a reply outside the contract: {error}") from None

    def _send(
        self, method: str, path: str, *, json: Any = None, params: Any = None
    ) -> requests.Response:
        """The server's answer to a request it accepted; :class:`OfficeError` otherwise."""
        try:
            answer = self._session.request(
                method, self.url + path, json=json, params=params, timeout=self._timeout_s
            )
        except requests.RequestException as error:
            raise OfficeError(f"the server cannot be reached: {error}") from None
        if answer.status_code >= 400:
            try:
                detail = answer.json().get("detail", answer.text)
            except ValueError:
                detail = answer.text
            raise OfficeError(f"{method} {path}: {answer.status_code} {detail}")
        return answer
