"""The technician's simulated position over the day: a stand-in for a GPS receiver.

This is a simulation, not navigation. Jobs carry no coordinates and the app has no
geocoder, so :func:`simulated_geocode` turns an address into a stable, made-up point: a
SHA-256 of the normalised address picks a spot within 15 km of a home base (the depot).
The same address gives the same point on every run and every machine, which keeps GPS
tests, scenarios and bug reports repeatable; the point says nothing about where the
address really is.

:func:`position_at` then walks the day: the technician leaves the depot in time to reach
the first job at its start, waits at each job through its time window, drives straight to
the next stop at an urban average speed, and returns to the depot after the last one.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

EARTH_RADIUS_M = 6_371_000.0
AREA_RADIUS_M = 15_000.0
# Straight-line speed: 30 km/h covers town traffic, lights and parking between stops.
TRAVEL_SPEED_MPS = 30_000 / 3600
ACCURACY_STILL_M = 5.0  # a receiver at rest with open sky
ACCURACY_MOVING_M = 12.0  # in a moving van, between buildings


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


HOME_BASE = GeoPoint(59.3293, 18.0686)  # the simulated depot: central Stockholm


@dataclass(frozen=True)
class Visit:
    """One job on the day's route, as the schedule lists it."""

    job_id: str
    address: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Fix:
    """Where the simulated receiver says the technician is at one moment.

    ``travelled_m`` is the distance along the route since leaving the depot; ``job_id``
    names the job whose stop the technician is at while its time window lasts."""

    latitude: float
    longitude: float
    accuracy_m: float
    travelled_m: float
    moving: bool
    job_id: str | None


@dataclass(frozen=True)
class Waypoint:
    at: datetime
    point: GeoPoint
    travelled_m: float
    job_id: str | None  # set on both ends of a stay inside the job's window


@dataclass(frozen=True)
class Route:
    """The day's stops in start order and the timed path through them; build with
    :func:`plan_route`."""

    home: GeoPoint
    stops: tuple[tuple[Visit, GeoPoint], ...]
    waypoints: tuple[Waypoint, ...]


def _normalised(address: str) -> str:
    return " ".join(address.casefold().split())


def offset(origin: GeoPoint, north_m: float, east_m: float) -> GeoPoint:
    """A point ``north_m`` and ``east_m`` from ``origin``; flat-earth is exact enough at 15 km."""
    latitude = origin.latitude + math.degrees(north_m / EARTH_RADIUS_M)
    across = EARTH_RADIUS_M * math.cos(math.radians(origin.latitude))
    return GeoPoint(latitude, origin.longitude + math.degrees(east_m / across))


def distance_m(a: GeoPoint, b: GeoPoint) -> float:
    """Great-circle distance (haversine)."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    d_lat = lat_b - lat_a
    d_lon = math.radians(b.longitude - a.longitude)
    h = math.sin(d_lat / 2) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(d_lon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def simulated_geocode(
    address: str, home: GeoPoint = HOME_BASE, radius_m: float = AREA_RADIUS_M
) -> GeoPoint:
    """A made-up but stable point for ``address`` within ``radius_m`` of ``home``.

    Case and spacing do not matter. The square root spreads points evenly over the disc
    instead of bunching them at the depot."""
    digest = hashlib.sha256(_normalised(address).encode("utf-8")).digest()
    spread = int.from_bytes(digest[:8], "big") / 2**64
    turn = int.from_bytes(digest[8:16], "big") / 2**64
    reach = radius_m * math.sqrt(spread)
    bearing = 2 * math.pi * turn
    return offset(home, reach * math.cos(bearing), reach * math.sin(bearing))


def _travel_time(a: GeoPoint, b: GeoPoint) -> timedelta:
    return timedelta(seconds=distance_m(a, b) / TRAVEL_SPEED_MPS)


def plan_route(visits: Iterable[Visit], home: GeoPoint = HOME_BASE) -> Route:
    """The timed path for the day's visits (sorted by start, then job id).

    A late arrival (the previous job ran into the next one's window) shifts the rest of
    the day; the technician never leaves a job before its window ends."""
    ordered = sorted(visits, key=lambda visit: (visit.start, visit.job_id))
    stops = tuple((visit, simulated_geocode(visit.address, home)) for visit in ordered)
    waypoints: list[Waypoint] = []
    here, travelled, free_at = home, 0.0, None
    for visit, point in stops:
        travel = _travel_time(here, point)
        depart = visit.start - travel if free_at is None else max(free_at, visit.start - travel)
        arrive = depart + travel
        waypoints.append(Waypoint(depart, here, travelled, None))
        travelled += distance_m(here, point)
        leave = max(arrive, visit.end)
        waypoints.append(Waypoint(arrive, point, travelled, visit.job_id))
        waypoints.append(Waypoint(leave, point, travelled, visit.job_id))
        here, free_at = point, leave
    if free_at is not None:
        waypoints.append(Waypoint(free_at, here, travelled, None))
        waypoints.append(
            Waypoint(
                free_at + _travel_time(here, home), home, travelled + distance_m(here, home), None
            )
        )
    return Route(home, stops, tuple(waypoints))


def _fix(point: GeoPoint, travelled_m: float, moving: bool, job_id: str | None) -> Fix:
    accuracy = ACCURACY_MOVING_M if moving else ACCURACY_STILL_M
    return Fix(point.latitude, point.longitude, accuracy, travelled_m, moving, job_id)


def position_at(route: Route, moment: datetime) -> Fix:
    """Where the technician is at ``moment`` (timezone-aware): at the depot before the day
    and after it, otherwise on the straight line between two waypoints."""
    points = route.waypoints
    if not points or moment <= points[0].at:
        first = points[0] if points else Waypoint(moment, route.home, 0.0, None)
        return _fix(first.point, first.travelled_m, False, None)
    if moment >= points[-1].at:
        return _fix(points[-1].point, points[-1].travelled_m, False, None)
    index = bisect_right([waypoint.at for waypoint in points], moment)
    before, after = points[index - 1], points[index]
    span = (after.at - before.at).total_seconds()
    share = (moment - before.at).total_seconds() / span if span > 0 else 1.0
    moving = before.point != after.point
    point = GeoPoint(
        before.point.latitude + (after.point.latitude - before.point.latitude) * share,
        before.point.longitude + (after.point.longitude - before.point.longitude) * share,
    )
    travelled = before.travelled_m + (after.travelled_m - before.travelled_m) * share
    at_job = before.job_id if not moving and before.job_id == after.job_id else None
    return _fix(point, travelled, moving, at_job)
