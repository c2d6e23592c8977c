"""Every path of the protocol, as the server declares it and the client calls it.

A path with a parameter is a FastAPI template (``BLOB = "/v1/blobs/{sha256}"``); the client
fills it with the function of the same name in lower case (``blob(sha256)``).
"""

from __future__ import annotations

HEALTH = "/health"
OPENAPI = "/openapi.json"
DOCS = "/docs"

V1 = "/v1"
AUTH = f"{V1}/auth"
SIGN_IN = f"{AUTH}/sign-in"
ME = f"{V1}/me"
CHANGES = f"{V1}/changes"
PUSH = f"{V1}/push"
BLOBS = f"{V1}/blobs"
BLOB = f"{BLOBS}/{{sha256}}"
BLOB_CONTENT = f"{BLOB}/content"
PAYMENTS = f"{V1}/payments"
PAYMENT = f"{PAYMENTS}/{{idempotency_key}}"  # a payment's outcome, looked up by its key
LOCATIONS = f"{V1}/locations"

ADMIN = f"{V1}/admin"
ADMIN_TECHNICIANS = f"{ADMIN}/technicians"
TECHNICIAN_TOKEN = f"{ADMIN_TECHNICIANS}/{{technician_id}}/token"
ADMIN_CUSTOMERS = f"{ADMIN}/customers"
ADMIN_CUSTOMER = f"{ADMIN_CUSTOMERS}/{{customer_id}}"
ADMIN_JOBS = f"{ADMIN}/jobs"
ADMIN_JOB = f"{ADMIN_JOBS}/{{job_id}}"
ADMIN_JOB_ASSIGN = f"{ADMIN_JOB}/assign"
ADMIN_JOB_CANCEL = f"{ADMIN_JOB}/cancel"
OFFICE_VIEW = f"{ADMIN}/office/{{technician_id}}"
FAULTS = f"{ADMIN}/faults"
FAULT = f"{FAULTS}/{{fault_id}}"
REQUEST_LOG = f"{ADMIN}/requests"  # the server's request log (support)


def blob(sha256: str) -> str:
    return BLOB.format(sha256=sha256)


def blob_content(sha256: str) -> str:
    return BLOB_CONTENT.format(sha256=sha256)


def payment(idempotency_key: str) -> str:
    return PAYMENT.format(idempotency_key=idempotency_key)


def technician_token(technician_id: str) -> str:
    return TECHNICIAN_TOKEN.format(technician_id=technician_id)


def admin_customer(customer_id: str) -> str:
    return ADMIN_CUSTOMER.format(customer_id=customer_id)


def admin_job(job_id: str) -> str:
    return ADMIN_JOB.format(job_id=job_id)


def admin_job_assign(job_id: str) -> str:
    return ADMIN_JOB_ASSIGN.format(job_id=job_id)


def admin_job_cancel(job_id: str) -> str:
    return ADMIN_JOB_CANCEL.format(job_id=job_id)


def office_view(technician_id: str) -> str:
    return OFFICE_VIEW.format(technician_id=technician_id)


def fault(fault_id: str) -> str:
    return FAULT.format(fault_id=fault_id)
