"""Small builders for hand-made scenarios: each returns a saved, valid object."""

from datetime import date, time

from hhprod.paperwork.models import DayReport, Delay
from hhprod.planning.models import CalendarEntry, DayCall, Location, Scene, ShootDay, Strip
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Fit, Mounting, Rig, RigUnit
from hhprod.shooting.models import Fault, HealthIncident, Take


def production(title="Test feature", **fields):
    fields = {"kind": "feature", "planned_days": 10, "max_take_seconds": 420, **fields}
    return Production.objects.create(title=title, **fields)


def person(name="Test wearer", **fields):
    return Person.objects.create(name=name, **fields)


def wearer(prod, name="Test wearer"):
    someone = person(name, trade="stunt performer")
    Credit.objects.create(production=prod, person=someone, role="stunt_performer", wears_rig=True)
    return someone


def rig(name="Test rig", version=90, **fields):
    fields = {"material": "metal", "in_service_from": date(2013, 1, 1), **fields}
    return Rig.objects.create(name=name, version=version, **fields)


def camera(on_rig=None, serial="CAM-1", letter=""):
    return Camera.objects.create(model="GoPro Hero 3", serial=serial, rig=on_rig, letter=letter)


def shoot_day(prod, number=1, scheduled=None, actual=date(2013, 9, 2), **fields):
    status = fields.pop("status", "shot" if actual else "scheduled")
    return ShootDay.objects.create(
        production=prod, number=number, scheduled_date=scheduled, actual_date=actual, status=status, **fields
    )


def scene(prod, number="1"):
    return Scene.objects.create(production=prod, number=number)


def take(day, in_scene, on_rig, worn_by, number=1, length=120, **fields):
    return Take.objects.create(
        shoot_day=day, scene=in_scene, rig=on_rig, wearer=worn_by, number=number, length=length, **fields
    )


def trip(who, prod, starts, ends, destination="Moscow, Russia"):
    return Trip.objects.create(person=who, production=prod, starts=starts, ends=ends, destination=destination)


def call(day, who, call_time=time(7, 0), wrap_time=time(19, 0)):
    return DayCall.objects.create(shoot_day=day, person=who, call_time=call_time, wrap_time=wrap_time)


def unit(of_rig, number=1):
    return RigUnit.objects.create(rig=of_rig, number=number)


def mounting(cam, on_unit, mounted_from, mounted_to=None):
    return Mounting.objects.create(camera=cam, unit=on_unit, mounted_from=mounted_from, mounted_to=mounted_to)


def fit(on_unit, who, fitted_on):
    return Fit.objects.create(unit=on_unit, wearer=who, fitted_on=fitted_on)


def fault(on_unit, kind="mount", day=None, minutes_lost=15, fixed_on=None):
    return Fault.objects.create(unit=on_unit, kind=kind, shoot_day=day, minutes_lost=minutes_lost, fixed_on=fixed_on)


def incident(day, who, kind="neck_strain", minutes_lost=20):
    return HealthIncident.objects.create(shoot_day=day, person=who, kind=kind, minutes_lost=minutes_lost)


def strip(day, in_scene, order=1, **fields):
    return Strip.objects.create(shoot_day=day, scene=in_scene, order=order, **fields)


def calendar_entry(prod, kind, starts, ends=None):
    return CalendarEntry.objects.create(production=prod, kind=kind, starts=starts, ends=ends)


def location(name="Moscow rooftop", latitude="55.75580", longitude="37.61730", **fields):
    fields = {"address": "Red Square, Moscow", "nearest_hospital": "Sklifosovsky Institute, +7 495 680-41-54", **fields}
    return Location.objects.create(name=name, latitude=latitude, longitude=longitude, **fields)


def day_report(day, **fields):
    return DayReport.objects.create(shoot_day=day, **fields)


def delay(report, cause="rig", minutes=30, note=""):
    return Delay.objects.create(day_report=report, cause=cause, minutes=minutes, note=note)
