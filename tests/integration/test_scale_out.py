"""Nothing lost with several server processes on one PostgreSQL and devices pushing at once.

Two ``wb-server --workers 2`` instances (four processes) share a throwaway PostgreSQL
database. At the same time:

- eight devices of the three demo technicians push batches of notes to random instances
  (4,000 ops), now and then sending a batch again as after a lost reply;
- a puller per technician pulls with its cursor exactly as the client does;
- pairs of devices of one technician push ``customer.update`` on the same customer with the
  same ``base_version`` at the same moment, to different instances;
- new devices send the same first batch twice at once, to different instances;
- the office edits job titles.

Then: every change of a full pull from 0 reached the cursor puller (0 gaps), no record was
published twice under one version with different contents (0 lost updates), each racing
pair was serialised (two versions, the losing value in the conflict log), each duplicated
batch was applied once and answered ``duplicate`` once, and no request got a 5xx.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, func, select

from tests.integration.cluster import ServerInstances, migrate_with_demo
from tests.integration.postgres import PostgresServer
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.models import ConflictLogEntry, Note

pytestmark = pytest.mark.slow

ADMIN = "scale-out-admin"
WRITER_DEVICES = 8
BATCHES_PER_WRITER = 50
OPS_PER_BATCH = 10
RACING_PAIRS = 60
DUPLICATED_FIRST_BATCHES = 30
OFFICE_EDITS = 80
PAGE = 200


@dataclass
class Tally:
    """Every reply's status, kept across threads."""

    statuses: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, reply: requests.Response) -> requests.Response:
        with self.lock:
            self.statuses[reply.status_code] += 1
        return reply

    def server_errors(self) -> dict[int, int]:
        return {status: n for status, n in self.statuses.items() if status >= 500}


@dataclass
class Cluster:
    urls: list[str]
    database_url: str
    tokens: dict[str, str]  # technician id -> bearer token
    jobs: dict[str, list[dict[str, Any]]]  # technician id -> their jobs
    tally: Tally

    def url(self, rng: random.Random) -> str:
        return rng.choice(self.urls)

    def headers(self, technician_id: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[technician_id]}"}

    def push(self, url: str, technician_id: str, device_id: str, ops: list[dict]) -> dict:
        reply = self.tally.count(
            requests.post(
                f"{url}/v1/push",
                json={"device_id": device_id, "ops": ops},
                headers=self.headers(technician_id),
                timeout=60,
            )
        )
        assert reply.status_code == 200, reply.text
        return reply.json()


@pytest.fixture(scope="module")
def cluster(
    postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("scale-out")
    database_url = postgres.new_database()
    migrate_with_demo(database_url, folder / "blobs", ADMIN)
    servers = ServerInstances(database_url, folder / "blobs", ADMIN, folder)
    try:
        servers.start(instances=2, workers=2)
        tokens, jobs = {}, {}
        for email, password in sorted(DEMO_ACCOUNTS.items()):
            signed_in = requests.post(
                f"{servers.urls[0]}/v1/auth/sign-in",
                json={"email": email, "password": password},
                timeout=10,
            ).json()
            technician_id = signed_in["technician"]["id"]
            tokens[technician_id] = signed_in["token"]
            jobs[technician_id] = requests.get(
                f"{servers.urls[1]}/v1/admin/jobs",
                params={"technician_id": technician_id},
                headers={"Authorization": f"Bearer {ADMIN}"},
                timeout=10,
            ).json()
        yield Cluster(servers.urls, database_url, tokens, jobs, Tally())
    except BaseException:
        print(servers.logs())
        raise
    finally:
        servers.stop()


def note_op(seq: int, job_id: str, text: str) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "seq": seq,
        "kind": "note.create",
        "record_type": "note",
        "record_id": str(uuid.uuid4()),
        "base_version": 0,
        "payload": {"job_id": job_id, "text": text},
    }


def writer(cluster: Cluster, technician_id: str, index: int) -> int:
    """One device's day of notes, each batch to a random instance; some sent twice."""
    rng = random.Random(index)
    device_id, seq, applied = str(uuid.uuid4()), 0, 0
    jobs = cluster.jobs[technician_id]
    for batch_number in range(BATCHES_PER_WRITER):
        ops = []
        for _ in range(OPS_PER_BATCH):
            seq += 1
            job = rng.choice(jobs)
            ops.append(note_op(seq, job["id"], f"device {index} batch {batch_number} op {seq}"))
        reply = cluster.push(cluster.url(rng), technician_id, device_id, ops)
        assert [r["result"] for r in reply["results"]] == ["applied"] * len(ops)
        applied += len(ops)
        if rng.random() < 0.1:  # the reply was lost: the device sends the batch again
            again = cluster.push(cluster.url(rng), technician_id, device_id, ops)
            assert {r["result"] for r in again["results"]} == {"duplicate"}
    return applied


def puller(cluster: Cluster, technician_id: str, stop: threading.Event) -> list[int]:
    """Pulls as the client does: ``since`` = the last ``next_cursor``, page after page."""
    rng, cursor, seen = random.Random(technician_id), 0, []
    while True:
        finished = stop.is_set()  # read before the page: a last full pass after the writers
        while True:
            reply = cluster.tally.count(
                requests.get(
                    f"{cluster.url(rng)}/v1/changes",
                    params={"since": cursor, "limit": PAGE},
                    headers=cluster.headers(technician_id),
                    timeout=30,
                )
            )
            assert reply.status_code == 200, reply.text
            page = reply.json()
            seen += [change["seq"] for change in page["changes"]]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        if finished:
            return seen


def full_feed(cluster: Cluster, technician_id: str) -> list[dict[str, Any]]:
    changes, cursor = [], 0
    while True:
        page = requests.get(
            f"{cluster.urls[0]}/v1/changes",
            params={"since": cursor, "limit": 1000},
            headers=cluster.headers(technician_id),
            timeout=30,
        ).json()
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes


def racing_pair(cluster: Cluster, technician_id: str, number: int) -> tuple[list[dict], str]:
    """Two devices of one technician change one customer's phone from the same version."""
    rng = random.Random(1000 + number)
    customer_id = rng.choice(cluster.jobs[technician_id])["customer_id"]
    customer = requests.get(
        f"{cluster.urls[0]}/v1/admin/customers",
        headers={"Authorization": f"Bearer {ADMIN}"},
        timeout=10,
    ).json()
    (current,) = [c for c in customer if c["id"] == customer_id]
    barrier = threading.Barrier(2)

    def change(side: int) -> dict:
        op = {
            "op_id": str(uuid.uuid4()),
            "seq": 1,
            "kind": "customer.update",
            "record_type": "customer",
            "record_id": customer_id,
            "base_version": current["version"],
            "payload": {
                "fields": {"phone": f"070-{number:03d} {side}{side}"},
                "previous": {"phone": current["phone"]},
            },
        }
        barrier.wait()
        url = cluster.urls[side % len(cluster.urls)]
        return cluster.push(url, technician_id, str(uuid.uuid4()), [op])["results"][0]

    with ThreadPoolExecutor(2) as both:
        results = list(both.map(change, [0, 1]))
    return results, customer_id


def duplicated_first_batch(cluster: Cluster, technician_id: str, number: int) -> list[str]:
    """A new device's first batch sent twice at once, to two instances."""
    device_id = str(uuid.uuid4())
    job_id = cluster.jobs[technician_id][number % len(cluster.jobs[technician_id])]["id"]
    ops = [note_op(seq, job_id, f"first batch {number} op {seq}") for seq in range(1, 6)]
    barrier = threading.Barrier(2)

    def send(side: int) -> list[str]:
        barrier.wait()
        url = cluster.urls[side % len(cluster.urls)]
        reply = cluster.push(url, technician_id, device_id, ops)
        return [r["result"] for r in reply["results"]]

    with ThreadPoolExecutor(2) as both:
        first, second = both.map(send, [0, 1])
    assert sorted([first, second]) == [["applied"] * 5, ["duplicate"] * 5]
    return [op["record_id"] for op in ops]


def office(cluster: Cluster) -> None:
    rng = random.Random(7)
    everyone = [job for jobs in cluster.jobs.values() for job in jobs]
    for edit in range(OFFICE_EDITS):
        job = rng.choice(everyone)
        reply = cluster.tally.count(
            requests.patch(
                f"{cluster.url(rng)}/v1/admin/jobs/{job['id']}",
                json={"title": f"{job['title'].split(' (')[0]} (edit {edit})"},
                headers={"Authorization": f"Bearer {ADMIN}"},
                timeout=30,
            )
        )
        assert reply.status_code == 200, reply.text


def test_concurrent_devices_and_processes_lose_nothing(cluster: Cluster) -> None:
    technicians = sorted(cluster.tokens)
    stop = threading.Event()
    with ThreadPoolExecutor(len(technicians) + WRITER_DEVICES + 4) as pool:
        pulls = {t: pool.submit(puller, cluster, t, stop) for t in technicians}
        try:
            writes = [
                pool.submit(writer, cluster, technicians[i % len(technicians)], i)
                for i in range(WRITER_DEVICES)
            ]
            office_edits = pool.submit(office, cluster)
            pairs = pool.submit(
                lambda: [
                    racing_pair(cluster, technicians[n % len(technicians)], n)
                    for n in range(RACING_PAIRS)
                ]
            )
            duplicates = pool.submit(
                lambda: [
                    duplicated_first_batch(cluster, technicians[n % len(technicians)], n)
                    for n in range(DUPLICATED_FIRST_BATCHES)
                ]
            )
            applied = sum(w.result() for w in writes)
            office_edits.result()
            pair_results = pairs.result()
            duplicated_notes = [note for batch in duplicates.result() for note in batch]
        finally:
            stop.set()  # a failing worker must not leave the pullers running for ever
        continuous = {t: pull.result() for t, pull in pulls.items()}

    assert applied == WRITER_DEVICES * BATCHES_PER_WRITER * OPS_PER_BATCH >= 4000
    assert cluster.tally.server_errors() == {}

    # 0 gaps: whatever a full pull from 0 returns, the cursor puller received, once.
    for technician_id in technicians:
        full = full_feed(cluster, technician_id)
        seen = continuous[technician_id]
        assert len(seen) == len(set(seen)), "a change came twice"
        missed = {c["seq"] for c in full} - set(seen)
        assert missed == set(), f"{len(missed)} changes the cursor passed over"

        # 0 lost updates: one version of a record is one content, whoever published it.
        contents: dict[tuple[str, str, int], Any] = {}
        for change in full:
            if change["deleted"]:
                continue
            key = (change["record_type"], change["record_id"], change["version"])
            data = {k: v for k, v in change["data"].items() if k != "updated_at"}
            assert contents.setdefault(key, data) == data, f"two records under version {key}"

    # Racing pairs: serialised, two versions; the overwritten phone is in the conflict log.
    engine = create_engine(cluster.database_url)
    with engine.connect() as db:
        for results, _customer_id in pair_results:
            assert {r["result"] for r in results} <= {"applied", "conflict"}
            assert results[0]["version"] != results[1]["version"], results
            logged = db.scalar(
                select(func.count())
                .select_from(ConflictLogEntry)
                .where(ConflictLogEntry.op_id.in_([r["op_id"] for r in results]))
            )
            assert logged == 1, results
        # Exactly once: every note of a duplicated first batch exists once.
        stored = db.scalar(
            select(func.count()).select_from(Note).where(Note.id.in_(duplicated_notes))
        )
        assert stored == len(duplicated_notes) == DUPLICATED_FIRST_BATCHES * 5
    engine.dispose()


def test_tokens_and_answers_are_shared_by_every_process(cluster: Cluster) -> None:
    """A token from one instance works on the other; a replay there is a duplicate."""
    technician_id = sorted(cluster.tokens)[0]
    device_id = str(uuid.uuid4())
    ops = [note_op(1, cluster.jobs[technician_id][0]["id"], "said once")]
    first = cluster.push(cluster.urls[0], technician_id, device_id, ops)
    again = cluster.push(cluster.urls[1], technician_id, device_id, ops)
    assert first["results"][0]["result"] == "applied"
    assert again["results"][0]["result"] == "duplicate"


def test_a_fault_set_through_one_process_fires_count_times_across_all(cluster: Cluster) -> None:
    """Fault rules live in the database: set on one instance, they fire on every process,
    and ``count`` holds across them."""
    admin = {"Authorization": f"Bearer {ADMIN}"}
    technician_id = sorted(cluster.tokens)[0]
    rule = requests.post(
        f"{cluster.urls[0]}/v1/admin/faults",
        json={"kind": "error_503", "route": "/v1/changes", "count": 3},
        headers=admin,
        timeout=10,
    ).json()
    statuses = []
    for _ in range(400):  # the other instance's processes re-read the rules within 0.25 s
        reply = requests.get(
            f"{cluster.urls[1]}/v1/changes",
            params={"limit": 1},
            headers=cluster.headers(technician_id),
            timeout=10,
        )
        statuses.append(reply.status_code)
        if statuses.count(503) == 3 and statuses[-20:].count(200) == 20:
            break
    listed = requests.get(f"{cluster.urls[1]}/v1/admin/faults", headers=admin, timeout=10).json()
    requests.delete(f"{cluster.urls[1]}/v1/admin/faults", headers=admin, timeout=10)

    assert statuses.count(503) == 3  # set on one instance, fired by the other's processes
    assert set(statuses) == {200, 503}
    assert [(r["id"], r["fired"], r["remaining"]) for r in listed] == [(rule["id"], 3, 0)]
