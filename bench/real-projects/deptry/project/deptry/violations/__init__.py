from __future__ import annotations

from deptry.violations.base import Violation
from deptry.violations.dep001_missing.finder import DEP001MissingDependenciesFinder
from deptry.violations.dep001_missing.violation import DEP001MissingDependencyViolation
from deptry.violations.dep002_unused.finder import DEP002UnusedDependenciesFinder
from deptry.violations.dep002_unused.violation import DEP002UnusedDependencyViolation
from deptry.violations.dep003_transitive.finder import DEP003TransitiveDependenciesFinder
from deptry.violations.dep003_transitive.violation import DEP003TransitiveDependencyViolation
from deptry.violations.dep004_misplaced_dev.finder import DEP004MisplacedDevDependenciesFinder
from deptry.violations.dep004_misplaced_dev.violation import DEP004MisplacedDevDependencyViolation

__all__ = (
    "DEP001MissingDependencyViolation",
    "DEP002UnusedDependencyViolation",
    "DEP003TransitiveDependencyViolation",
    "DEP004MisplacedDevDependencyViolation",
    "DEP001MissingDependenciesFinder",
    "DEP002UnusedDependenciesFinder",
    "DEP003TransitiveDependenciesFinder",
    "DEP004MisplacedDevDependenciesFinder",
    "Violation",
    "ViolationFinder",
)
