"""Deterministic demo data for ``wb-server --demo``: a believable week for three technicians.

The data is built around *today* (``week_of``, today in Stockholm by default), so the app has
open work to try whatever day it first starts on:

- **Monday to Friday**: that ISO week's Mon–Fri, 3–5 jobs a day per technician (07:30–17:00).
  Earlier days are history (complete, rarely cancelled, a few photos); today and the rest of
  the week are planned. Today one technician is busy (in progress), one is driving (en route).
- **Saturday or Sunday**: the week's Mon–Fri is history (with its photos); *today* is a
  weekend on-call shift of 2–3 short call-outs per technician, with the same busy/driving
  pair; the whole following Mon–Fri is planned.

The first demo technician, Anna Lindqvist (who the app signs in as), therefore always has at
least one job today that she can start. Everything comes from one ``random.Random(seed)`` and
``uuid5`` ids, so the same ``(seed, week_of)`` gives byte-identical data in every process:
screenshots, support reproductions and tests can rely on it. Standard library only (no
Pillow, no SQLAlchemy).
"""

from __future__ import annotations

import random
import struct
import unicodedata
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

DEMO_TIMEZONE = "Europe/Stockholm"
DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://demo.workboss.se/")

DEMO_ACCOUNTS: dict[str, str] = {
    "anna@demo.workboss.se": "anna-demo",
    "erik@demo.workboss.se": "erik-demo",
    "sam@demo.workboss.se": "sam-demo",
}
"""The demo sign-ins (email → password); fixed for every seed so docs can print them."""

_TECHNICIAN_NAMES = ("Anna Lindqvist", "Erik Johansson", "Sam Carter")
DAY_START = time(7, 30)
DAY_MINUTES = 570  # 07:30–17:00
_DURATIONS = (60, 90, 120, 150, 180)
_CALL_OUT_COUNTS = (2, 3)  # call-outs per technician on a weekend on-call shift
_CALL_OUT_DURATIONS = (60, 90)
_LABOUR_PRICE = Decimal("650.00")
_CALL_OUT_PRICE = Decimal("975.00")  # weekend on-call labour: time and a half
_VAT = Decimal("25")
PHOTO_WIDTH, PHOTO_HEIGHT = 64, 48


@dataclass(frozen=True)
class DemoTechnician:
    id: str
    email: str
    display_name: str
    password: str


@dataclass(frozen=True)
class DemoCustomer:
    id: str
    name: str
    phone: str
    email: str
    address: str
    notes: str


@dataclass(frozen=True)
class DemoLineItem:
    id: str
    position: int
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal


@dataclass(frozen=True)
class DemoJob:
    id: str
    title: str
    description: str
    address: str
    customer_id: str
    technician_id: str
    scheduled_start: datetime
    scheduled_end: datetime
    status: str
    line_items: tuple[DemoLineItem, ...]


@dataclass(frozen=True)
class DemoPhoto:
    id: str
    job_id: str
    filename: str
    content_type: str
    data: bytes
    taken_at: datetime


@dataclass(frozen=True)
class DemoData:
    technicians: tuple[DemoTechnician, ...]
    customers: tuple[DemoCustomer, ...]
    jobs: tuple[DemoJob, ...]
    photos: tuple[DemoPhoto, ...]


_SE_FIRST = (
    "Anders", "Birgitta", "Lars", "Karin", "Johan", "Maria", "Per", "Elisabeth", "Mikael",
    "Ingrid", "Oskar", "Sofia", "Gustav", "Ebba", "Nils", "Astrid", "Björn", "Linnéa",
)  # fmt: skip
_SE_LAST = (
    "Andersson", "Berg", "Nilsson", "Lundgren", "Ekström", "Holm", "Karlsson", "Sjöberg",
    "Wikström", "Forsberg", "Åberg", "Nyström", "Dahl", "Hedlund", "Öberg", "Persson",
)  # fmt: skip
_UK_FIRST = (
    "James", "Emily", "Oliver", "Charlotte", "Harry", "Sophie", "George", "Amelia",
    "Thomas", "Jessica", "William", "Hannah",
)  # fmt: skip
_UK_LAST = (
    "Smith", "Taylor", "Brown", "Wilson", "Evans", "Hughes", "Walker", "Robinson",
    "Wright", "Thompson", "Hall", "Clarke",
)  # fmt: skip
_SE_COMPANIES = (
    ("Björk & Söner AB", "bjorksoner.se"), ("Brf Tallkotten", "brftallkotten.se"),
    ("Solna Bageri AB", "solnabageri.se"), ("Café Kanelbullen", "kanelbullen.se"),
    ("Lindgrens Fastigheter AB", "lindgrensfastigheter.se"),
)  # fmt: skip
_UK_COMPANIES = (
    ("Hargreaves Lettings Ltd", "hargreaves-lettings.example"),
    ("The Old Mill Dental Practice", "oldmilldental.example"),
)
_SE_STREETS = (
    "Storgatan", "Drottninggatan", "Björkvägen", "Kyrkogatan", "Skolvägen", "Ringvägen",
    "Sveavägen", "Tallstigen", "Ekbacken", "Parkvägen", "Villagatan", "Sjövägen",
)  # fmt: skip
_SE_CITIES = (
    ("Stockholm", "114"), ("Solna", "171"), ("Sundbyberg", "172"), ("Nacka", "131"),
    ("Huddinge", "141"), ("Täby", "183"), ("Lidingö", "181"), ("Bromma", "168"),
)  # fmt: skip
_UK_STREETS = (
    "Mill Lane", "Church Road", "Station Road", "Victoria Street", "The Green",
    "Park Avenue", "Queens Road", "Orchard Close",
)  # fmt: skip
_UK_CITIES = (
    ("Cambridge", "CB1"), ("Oxford", "OX4"), ("London", "SE15"), ("Bristol", "BS6"),
    ("York", "YO10"), ("Bath", "BA2"),
)  # fmt: skip
_UK_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXY"
_PERSON_DOMAINS = ("post.example", "mail.example", "bredband.example", "hem.example")
_NOTES = (
    "Dog in the garden", "Ring the bell twice", "Portkod 1234", "Hund i trädgården",
    "Key in the key safe, code given by phone", "Park at the back, not in front of the garage",
    "Call 30 minutes before arrival", "Shoes off inside, please", "Nyckel hos grannen i nr 14",
    "Third floor, no lift", "Invoice to the company address, reference 'Fastighet'",
)  # fmt: skip

# (title, description, Swedish?, parts as "description|unit price|quantity; ...")
_JOB_TEMPLATES: tuple[tuple[str, str, bool, str], ...] = (
    ("Heat pump annual service", "Clean the outdoor unit and filters, check refrigerant "
     "pressures and the defrost cycle, note the flow temperatures.", False,
     "Filter kit, air-to-water heat pump|495.00|1; Printed care guide|89.00|1; "
     "Condensate hose 16 mm|42.50|2.5"),
    ("Byte av blandare", "Köksblandaren läcker vid pipen och ska bytas. Stäng av vattnet "
     "vid avstängningsventilerna under diskbänken.", True,
     "Köksblandare FM Mattsson 9000E|2195.00|1; Flexslang 300 mm|129.00|2; "
     "Packning, sats|35.00|1"),
    ("Leaking radiator valve", "Drip under the living-room radiator. Replace the valve "
     "insert; drain down only that circuit.", False,
     "Thermostatic radiator valve|389.00|1; Radiator bleed key|25.00|1; "
     "System inhibitor 1 l|295.00|1"),
    ("Bleed and balance radiators", "Upstairs rooms stay cold. Bleed every radiator, "
     "balance the circuit and top up the system pressure.", False,
     "Automatic air vent|145.00|2; System inhibitor 1 l|295.00|1"),
    ("Byte av varmvattenberedare", "Gammal 200-liters beredare har rostat igenom. "
     "Ny beredare levereras till adressen samma morgon.", True,
     "Varmvattenberedare 200 l|12900.00|1; Säkerhetsventil 9 bar|349.00|1; "
     "Kopparrör 15 mm|89.00|3"),
    ("Blocked kitchen drain", "Water backs up in the sink. Clear the trap and the branch "
     "line; check the slope of the drain under the cabinet.", False,
     "Sink trap 40 mm|219.00|1; Drain cleaning agent|79.00|1"),
    ("Install outdoor socket", "Customer wants an IP44 socket by the terrace for the "
     "garden tools, fed from the utility room.", False,
     "Outdoor socket IP44, earthed|329.00|1; Installation cable EKK 3G1.5|14.90|12.5; "
     "Cable clips, pack of 50|59.00|1"),
    ("Fault finding: RCD keeps tripping", "Earth-fault breaker trips a few times a week, "
     "mostly when it rains. Insulation test per circuit.", False,
     "RCD 40 A 30 mA, 4-pole|1190.00|1; Junction box IP65|89.00|1"),
    ("EV charger installation", "Mount an 11 kW wallbox in the carport on its own "
     "group in the consumer unit; set up load balancing.", False,
     "Wallbox 11 kW, type 2|8990.00|1; Cable EXQ 5G6|118.00|14; MCB 16 A, 3-pole|445.00|1"),
    ("Byte av WC-stol", "Ny vägghängd toalett i badrummet på övervåningen. "
     "Befintlig fixtur behålls.", True,
     "WC-stol Gustavsberg, vägghängd|4290.00|1; Spolknapp, krom|690.00|1; "
     "Silikon, sanitet|119.00|1"),
    ("Install LED downlights", "Replace six halogen downlights in the kitchen with "
     "dimmable LED fittings and a compatible dimmer.", False,
     "LED downlight 6 W, dimmable|249.00|6; LED dimmer, trailing edge|549.00|1"),
    ("Underfloor heating not working", "Bathroom floor is cold. Check the thermostat, "
     "the floor sensor and the heating mat's resistance.", False,
     "Floor thermostat with sensor|1095.00|1; Floor sensor, spare|189.00|1"),
    ("Leaking shower mixer", "Shower mixer drips after use. Replace the cartridge and "
     "the O-rings, descale the head.", False,
     "Thermostatic cartridge|795.00|1; O-ring set|45.00|1"),
    ("Kontroll av elcentral", "Äldre proppcentral ses över inför försäljning; "
     "dokumentera grupperna och föreslå åtgärder.", True,
     "Gruppschema, laminerat|95.00|1; Säkring 10 A, diazed|12.50|6"),
    ("Ventilation unit filter change", "FTX unit in the loft: change the supply and "
     "extract filters and clean the heat exchanger.", False,
     "Filter set, FTX unit|890.00|1"),
)  # fmt: skip
# Weekend on-call call-outs: short, urgent, same format as _JOB_TEMPLATES.
_CALL_OUT_TEMPLATES: tuple[tuple[str, str, bool, str], ...] = (
    ("Call-out: burst pipe under the sink", "Water on the kitchen floor from a split pipe "
     "under the sink. Isolate it, replace the section and dry out the cabinet base.", False,
     "Compression coupling 15 mm|65.00|2; Copper pipe 15 mm|89.00|1; "
     "Pipe repair clamp|189.00|1"),
    ("Jour: ingen värme", "Värmepumpen har larmat och stannat och huset blir kallt. Läs av "
     "larmet, återställ pumpen och kontrollera trycket i systemet.", True,
     "Säkring 16 A, diazed|14.50|3; Automatisk avluftare|145.00|1"),
    ("Call-out: half the house without power", "Sockets in the kitchen and living room went "
     "dead in the storm. Find the fault, make it safe and restore the supply.", False,
     "MCB 10 A, 1-pole|129.00|1; Wago connectors, pack of 10|79.00|1"),
    ("Call-out: no hot water", "The water heater stopped heating overnight. Check the "
     "breaker, the thermostat and the element.", False,
     "Immersion element 3 kW|459.00|1; Immersion thermostat|219.00|1"),
    ("Jour: stopp i avloppet", "Toaletten och duschen svämmar över. Rensa stammen från "
     "rensluckan och kontrollera att vattnet rinner undan.", True,
     "Hyra av rensmaskin|450.00|1; Packning till rensbrunn|59.00|1"),
    ("Call-out: burning smell from a socket", "A double socket in the bedroom is scorched and "
     "smells. Isolate the circuit, replace the socket and check the connections.", False,
     "Double socket, earthed|119.00|1; Junction box IP65|89.00|1"),
    ("Jour: vattenläcka från taket", "Det droppar från taket i hallen under badrummet. "
     "Hitta läckan, stäng av och gör en provisorisk reparation.", True,
     "Kopplingsmuff 15 mm|65.00|2; Kopparrör 15 mm|89.00|1"),
)  # fmt: skip
_REDUCED_VAT = {"Printed care guide": Decimal("6")}


def _id(kind: str, *parts: object) -> str:
    """A stable id: ``uuid5`` of a readable key, so reruns and other processes agree."""
    return str(uuid.uuid5(DEMO_NAMESPACE, ":".join([kind, *map(str, parts)])))


def _ascii(text: str) -> str:
    """Email-safe letters: 'Sjöberg' → 'sjoberg'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def demo_technicians() -> tuple[DemoTechnician, ...]:
    """The demo technicians with their sign-ins, Anna first (the app signs in as her).
    Seed-independent, so a client that signed in keeps its identity across demo restarts."""
    return tuple(
        DemoTechnician(_id("technician", email), email, name, password)
        for (email, password), name in zip(DEMO_ACCOUNTS.items(), _TECHNICIAN_NAMES, strict=True)
    )


def _address(rng: random.Random, swedish: bool) -> str:
    """One line in the country's own order, since the app shows and maps it verbatim."""
    if swedish:
        city, prefix = rng.choice(_SE_CITIES)
        street = f"{rng.choice(_SE_STREETS)} {rng.randint(1, 48)}"
        return f"{street}, {prefix} {rng.randint(10, 69)} {city}"
    city, outward = rng.choice(_UK_CITIES)
    inward = f"{rng.randint(1, 9)}{''.join(rng.choices(_UK_INWARD_LETTERS, k=2))}"
    return f"{rng.randint(1, 120)} {rng.choice(_UK_STREETS)}, {city} {outward} {inward}"


def _customers(rng: random.Random, seed: int) -> tuple[DemoCustomer, ...]:
    """28 Swedish and 12 UK customers, companies among them; names never repeat."""
    se_people = rng.sample([(f, la) for f in _SE_FIRST for la in _SE_LAST], 23)
    uk_people = rng.sample([(f, la) for f in _UK_FIRST for la in _UK_LAST], 10)
    se_phones = iter(rng.sample(range(5, 100), 28))  # 070-174 06 05…99: PTS fiction range
    uk_phones = iter(rng.sample(range(1000), 12))  # 07700 900xxx: Ofcom drama range
    rows: list[tuple[str, str, bool]] = []
    for first, last in se_people:
        rows.append((f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}", True))
    for first, last in uk_people:
        rows.append((f"{first} {last}", f"{_ascii(first)[0]}.{_ascii(last)}", False))
    rows += [(name, f"info@{domain}", True) for name, domain in _SE_COMPANIES]
    rows += [(name, f"office@{domain}", False) for name, domain in _UK_COMPANIES]
    rng.shuffle(rows)
    customers = []
    for index, (name, mail, swedish) in enumerate(rows):
        email = mail if "@" in mail else f"{mail}@{rng.choice(_PERSON_DOMAINS)}"
        if swedish:
            phone = f"+46 70 174 06 {next(se_phones):02d}"
        else:
            phone = f"+44 7700 900{next(uk_phones):03d}"
        notes = rng.choice(_NOTES) if rng.random() < 0.4 else ""
        address = _address(rng, swedish)
        customers.append(
            DemoCustomer(_id("customer", seed, index), name, phone, email, address, notes)
        )
    return tuple(customers)


def _plan_day(
    rng: random.Random, counts: tuple[int, int] = (3, 5), lengths: tuple[int, ...] = _DURATIONS
) -> list[tuple[int, int]]:
    """3–5 non-overlapping jobs of 1–3 h as (start, end) minutes after 07:30, ending by 17:00
    (an on-call shift passes fewer, shorter jobs)."""
    durations = [rng.choice(lengths) for _ in range(rng.randint(*counts))]
    while sum(durations) > DAY_MINUTES - 60:
        durations[durations.index(max(durations))] -= 30
    slack_units = (DAY_MINUTES - sum(durations)) // 15
    cuts = sorted(rng.randint(0, slack_units) for _ in durations)
    slots, cursor, previous_cut = [], 0, 0
    for cut, minutes in zip(cuts, durations, strict=True):
        cursor += (cut - previous_cut) * 15
        previous_cut = cut
        slots.append((cursor, cursor + minutes))
        cursor += minutes
    return slots


def _line_items(
    rng: random.Random,
    job_id: str,
    template: tuple[str, str, bool, str],
    hours: Decimal,
    call_out: bool = False,
) -> tuple[DemoLineItem, ...]:
    """Labour for the booked time plus up to three of the template's parts, in catalogue order."""
    _, _, swedish, spec = template
    parts = [part.split("|") for part in spec.split("; ")]
    chosen = sorted(rng.sample(range(len(parts)), rng.randint(0, min(3, len(parts)))))
    if call_out:
        labour = "Jourarbete, per timme" if swedish else "Call-out labour, per hour"
        rows = [(labour, _CALL_OUT_PRICE, hours)]
    else:
        rows = [("Arbete, per timme" if swedish else "Labour, per hour", _LABOUR_PRICE, hours)]
    rows += [(parts[i][0], Decimal(parts[i][1]), Decimal(parts[i][2])) for i in chosen]
    return tuple(
        DemoLineItem(_id("line", job_id, n), n, text, qty, price, _REDUCED_VAT.get(text, _VAT))
        for n, (text, price, qty) in enumerate(rows)
    )


def _status(
    day: date, today: date, first_of_day: bool, technician_index: int, rng: random.Random
) -> str:
    """History is done (rarely cancelled); today one technician is busy and one is driving
    (Anna, the first, is busy on her first job and has the rest of today to start)."""
    if day < today:
        return "cancelled" if rng.random() < 0.06 else "complete"
    if day == today and first_of_day:
        return ("in_progress", "en_route", "scheduled")[technician_index]
    return "scheduled"


def demo_days(week_of: date) -> tuple[date, ...]:
    """The days that get jobs, in order: Mon–Fri of ``week_of``'s ISO week; on a weekend also
    ``week_of`` itself (the on-call shift) and the following Mon–Fri; on a Friday also the
    following Mon–Fri (the next working days after today), appended so that Mon–Fri draw
    the same data as on any other day of that week."""
    monday = week_of - timedelta(days=week_of.weekday())
    days = [monday + timedelta(days=n) for n in range(5)]
    next_week = [monday + timedelta(days=7 + n) for n in range(5)]
    if week_of.weekday() >= 5:
        days += [week_of, *next_week]
    elif week_of.weekday() == 4:
        days += next_week
    return tuple(days)


def _jobs(
    rng: random.Random,
    seed: int,
    week_of: date,
    technicians: tuple[DemoTechnician, ...],
    customers: tuple[DemoCustomer, ...],
) -> tuple[DemoJob, ...]:
    tz = ZoneInfo(DEMO_TIMEZONE)
    jobs: list[DemoJob] = []
    for day in demo_days(week_of):
        call_out = day.weekday() >= 5
        opening = datetime.combine(day, DAY_START, tzinfo=tz)
        for t_index, technician in enumerate(technicians):
            shape = (_CALL_OUT_COUNTS, _CALL_OUT_DURATIONS) if call_out else ((3, 5), _DURATIONS)
            for slot, (start, end) in enumerate(_plan_day(rng, *shape)):
                job_id = _id("job", seed, day.isoformat(), technician.email, slot)
                template = rng.choice(_CALL_OUT_TEMPLATES if call_out else _JOB_TEMPLATES)
                customer = rng.choice(customers)
                status = _status(day, week_of, slot == 0, t_index, rng)
                hours = Decimal(end - start) / 60
                jobs.append(
                    DemoJob(
                        id=job_id,
                        title=template[0],
                        description=template[1],
                        address=customer.address,
                        customer_id=customer.id,
                        technician_id=technician.id,
                        scheduled_start=(opening + timedelta(minutes=start)).astimezone(UTC),
                        scheduled_end=(opening + timedelta(minutes=end)).astimezone(UTC),
                        status=status,
                        line_items=_line_items(rng, job_id, template, hours, call_out),
                    )
                )
    return tuple(sorted(jobs, key=lambda job: (job.scheduled_start, job.technician_id)))


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def make_png(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> bytes:
    """A small valid RGB PNG with a vertical gradient: real bytes for thumbnails and uploads."""
    rows = bytearray()
    for y in range(PHOTO_HEIGHT):
        shade = y / (PHOTO_HEIGHT - 1)
        pixel = bytes(round(a + (b - a) * shade) for a, b in zip(top, bottom, strict=True))
        rows += b"\x00" + pixel * PHOTO_WIDTH
    header = struct.pack(">IIBBBBB", PHOTO_WIDTH, PHOTO_HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def make_noise_png(seed: int, approx_bytes: int) -> bytes:
    """A valid PNG of random pixels, about ``approx_bytes`` long (noise does not compress):
    a stand-in for a real camera photo in upload tests and benchmarks."""
    width = 512
    height = max(1, approx_bytes // (width * 3))
    noise = random.Random(seed).randbytes(width * 3 * height)
    rows = b"".join(b"\x00" + noise[y * width * 3 : (y + 1) * width * 3] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows, 0))
        + _png_chunk(b"IEND", b"")
    )


def _photos(rng: random.Random, seed: int, jobs: tuple[DemoJob, ...]) -> tuple[DemoPhoto, ...]:
    """4–8 photos on completed jobs; none when there is no history yet (a Monday)."""
    done = [job for job in jobs if job.status == "complete"]
    if not done:
        return ()
    count = rng.randint(4, 8)
    picked = rng.sample(done, min(count, len(done)))
    picked += [rng.choice(done) for _ in range(count - len(picked))]
    tz = ZoneInfo(DEMO_TIMEZONE)
    photos = []
    for index, job in enumerate(picked):
        span = int((job.scheduled_end - job.scheduled_start).total_seconds())
        taken_at = job.scheduled_start + timedelta(seconds=rng.randrange(60, span - 60))
        top = (rng.randint(90, 230), rng.randint(90, 230), rng.randint(90, 230))
        bottom = (rng.randint(20, 120), rng.randint(20, 120), rng.randint(20, 120))
        stamp = taken_at.astimezone(tz).strftime("%Y%m%d_%H%M%S")
        photos.append(
            DemoPhoto(
                id=_id("photo", seed, job.id, index),
                job_id=job.id,
                filename=f"IMG_{stamp}.png",
                content_type="image/png",
                data=make_png(top, bottom),
                taken_at=taken_at,
            )
        )
    return tuple(sorted(photos, key=lambda photo: (photo.taken_at, photo.id)))


def build_demo_data(seed: int = 1, week_of: date | None = None) -> DemoData:
    """The demo data around ``week_of`` (*today*; default: today in Stockholm).

    Jobs on the days before ``week_of`` are history; ``week_of``'s own jobs and the later
    ones are open. On a weekday the jobs are Mon–Fri of its ISO week; on a Saturday or
    Sunday, the week's Mon–Fri (all history), an on-call shift of call-outs on ``week_of``,
    and the following Mon–Fri (planned): see :func:`demo_days`. Customers depend on the seed
    only.
    """
    if week_of is None:
        week_of = datetime.now(ZoneInfo(DEMO_TIMEZONE)).date()
    rng = random.Random(seed)
    technicians = demo_technicians()
    customers = _customers(rng, seed)
    jobs = _jobs(rng, seed, week_of, technicians, customers)
    return DemoData(technicians, customers, jobs, _photos(rng, seed, jobs))
