"""Helpers for loading human-maintained YAML fixtures: idempotent upserts that validate every
object and name the fixture entry when something is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.core.exceptions import ValidationError
from django.db import models

M = TypeVar("M", bound=models.Model)


class FixtureError(Exception):
    """A fixture entry that cannot be loaded; the message names the file and the entry."""


@dataclass
class LoadStats:
    """Counts of created and changed rows per model, to tell the user what a load did."""

    created: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)

    def count(self, model: type[models.Model], created: bool, changed: bool) -> None:
        label = str(model._meta.verbose_name_plural)
        if created:
            self.created[label] = self.created.get(label, 0) + 1
        elif changed:
            self.changed[label] = self.changed.get(label, 0) + 1

    @property
    def nothing_changed(self) -> bool:
        return not self.created and not self.changed


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def check_keys(entry: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    """Reject keys the loader does not know, so a typo in a fixture is an error, not a loss."""
    unknown = set(entry) - set(allowed)
    if unknown:
        raise FixtureError(f"{where}: kunci tidak dikenal {sorted(unknown)}")


def decimal_or_none(value: Any, where: str) -> Decimal | None:
    """Read a fixture number as an exact Decimal. Floats are refused: a YAML float has already
    lost exactness, which is why the fixtures quote their decimals."""
    if value is None:
        return None
    if isinstance(value, float):
        raise FixtureError(f'{where}: angka desimal harus ditulis sebagai teks, mis. "92.5"')
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise FixtureError(f"{where}: bukan angka: {value!r}") from exc


def text(value: Any) -> str:
    """Free text from a fixture: null becomes empty, trailing newlines of block scalars go."""
    return "" if value is None else str(value).strip()


def _differs(obj: models.Model, name: str, value: Any) -> bool:
    field_ = obj._meta.get_field(name)
    if field_.is_relation and field_.many_to_one:
        return getattr(obj, field_.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def upsert(
    model: type[M],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    where: str,
    stats: LoadStats,
) -> M:
    """Create the row identified by `lookup` or bring it to `values`, saving only when
    something differs (so loading twice leaves the database untouched). Every object is
    validated with `full_clean()` before it is written."""
    obj = model._default_manager.filter(**lookup).first()
    created = obj is None
    if created:
        obj = model(**lookup, **values)
        changed_fields = None
    else:
        changed_fields = [name for name, value in values.items() if _differs(obj, name, value)]
        for name in changed_fields:
            setattr(obj, name, values[name])
    if created or changed_fields:
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise FixtureError(f"{where}: {_describe(exc)}") from exc
        obj.save()
    stats.count(model, created, bool(changed_fields))
    return obj


def set_many(obj: models.Model, name: str, targets: list[models.Model]) -> None:
    """Set a many-to-many relation only if it differs."""
    manager = getattr(obj, name)
    if {o.pk for o in manager.all()} != {o.pk for o in targets}:
        manager.set(targets)


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
