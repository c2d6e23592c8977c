"""The office side of the reference server, over its admin API: dispatcher, office view,
faults. Scenarios use it to stage what the office and the network do; the support console
will too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import requests

from wb_desktop.core.protocol import routes
from wb_desktop.core.protocol.requests_log import RequestLogLine, RequestLogPage


class OfficeError(Exception):
    """The admin API refused a request; the message carries the server's reason."""


class Office:
    def __init__(self, server_url: str, admin_token: str, timeout_s: float = 15.0) -> None:
        self.url = server_url.rstrip("/")
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {admin_token}"
        self._timeout_s = timeout_s

    def technicians(self) -> list[dict[str, Any]]:
        return self._call("GET", routes.ADMIN_TECHNICIANS)  # type: ignore[no-any-return]

    def technician_id(self, email: str) -> str:
        for technician in self.technicians():
            if technician["email"] == email:
                return str(technician["id"])
        raise OfficeError(f"the server has no technician {email}")

    def technician_token(self, technician_id: str) -> str:
        """An ordinary bearer token for the technician, to replay a diagnostics bundle."""
        path = routes.technician_token(technician_id)
        return str(self._call("POST", path)["token"])

    def customers(self) -> list[dict[str, Any]]:
        return self._call("GET", routes.ADMIN_CUSTOMERS)  # type: ignore[no-any-return]

    def jobs(self, technician_id: str | None = None) -> list[dict[str, Any]]:
        params = {"technician_id": technician_id} if technician_id else None
        return self._call("GET", routes.ADMIN_JOBS, params=params)  # type: ignore[no-any-return]

    def create_job(self, **fields: Any) -> dict[str, Any]:
        return self._call("POST", routes.ADMIN_JOBS, json=fields)  # type: ignore[no-any-return]

    def edit_job(self, job_id: str, **fields: Any) -> dict[str, Any]:
        return self._call("PATCH", routes.admin_job(job_id), json=fields)  # type: ignore[no-any-return]

    def assign_job(self, job_id: str, technician_id: str | None) -> dict[str, Any]:
        body = {"technician_id": technician_id}
        return self._call("POST", routes.admin_job_assign(job_id), json=body)  # type: ignore[no-any-return]

    def cancel_job(self, job_id: str) -> dict[str, Any]:
        return self._call("POST", routes.admin_job_cancel(job_id))  # type: ignore[no-any-return]

    def edit_customer(self, customer_id: str, **fields: Any) -> dict[str, Any]:
        path = routes.admin_customer(customer_id)
        return self._call("PATCH", path, json=fields)  # type: ignore[no-any-return]

    def office_view(self, technician_id: str) -> dict[str, Any]:
        return self._call("GET", routes.office_view(technician_id))  # type: ignore[no-any-return]

    def add_fault(self, **options: Any) -> dict[str, Any]:
        return self._call("POST", routes.FAULTS, json=options)  # type: ignore[no-any-return]

    def faults(self) -> list[dict[str, Any]]:
        return self._call("GET", routes.FAULTS)  # type: ignore[no-any-return]

    def clear_faults(self) -> None:
        self._call("DELETE", routes.FAULTS)

    def request_log(
        self, request_ids: Sequence[str] = (), limit: int = 100
    ) -> list[RequestLogLine]:
        """The server's own log lines for these request ids (the newest ``limit`` without)."""
        params: dict[str, Any] = {"limit": limit}
        if request_ids:
            params["request_id"] = list(request_ids)
        page = self._call("GET", routes.REQUEST_LOG, params=params)
        return RequestLogPage.model_validate(page).lines

    def close(self) -> None:
        self._session.close()

    def _call(self, method: str, path: str, *, json: Any = None, params: Any = None) -> Any:
        try:
            reply = self._session.request(
                method, self.url + path, json=json, params=params, timeout=self._timeout_s
            )
        except requests.RequestException as error:
            raise OfficeError(f"the server cannot be reached: {error}") from None
        if reply.status_code >= 400:
            try:
                detail = reply.json().get("detail", reply.text)
            except ValueError:
                detail = reply.text
            raise OfficeError(f"{method} {path}: {reply.status_code} {detail}")
        return reply.json() if reply.content else None
