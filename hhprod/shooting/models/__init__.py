"""The record of what was shot: takes, and what cost shooting time (health incidents, rig faults)."""

from .incidents import Fault, FaultQuerySet, HealthIncident
from .takes import STATUS_OF_MARK, Take, TakeQuerySet

__all__ = ["STATUS_OF_MARK", "Fault", "FaultQuerySet", "HealthIncident", "Take", "TakeQuerySet"]
