"""Records to plain data and back: dataclasses as JSON-ready dicts, checked field by field.

The cache stores reports as data, never as code: a report becomes a dict of strings, numbers,
lists and nulls, and reading it back rebuilds the dataclasses from their declared field types.
Anything that does not fit the declared types (a missing field, a string where a number belongs,
an unknown key) raises :class:`ShapeError`, so a damaged or foreign entry can never become a
half-valid report.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


class ShapeError(ValueError):
    """Data that does not have the shape of the record it should become."""


def to_data(value: Any) -> Any:
    """``value`` (a dataclass, tuple, date, enum or scalar) as JSON-ready plain data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_data(kind: type[T], data: Any) -> T:
    """Rebuild a ``kind`` dataclass from :func:`to_data`'s output.

    Raises :class:`ShapeError` if the data does not fit ``kind``'s declared fields.
    """
    return typing.cast(T, _build(kind, data))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _build_dataclass(kind: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise ShapeError(f"{kind.__name__}: expected an object")
    names = {f.name for f in dataclasses.fields(kind)}
    if set(data) != names:
        raise ShapeError(f"{kind.__name__}: fields {sorted(set(data) ^ names)} differ")
    hints = _hints(kind)
    return kind(**{name: _build(hints[name], data[name]) for name in names})


def _build(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _build_union(typing.get_args(hint), data)
    if origin is tuple:
        return _build_tuple(typing.get_args(hint), data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build_dataclass(hint, data)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError as exc:
            raise ShapeError(str(exc)) from exc
    if hint is date:
        try:
            return date.fromisoformat(data)
        except (TypeError, ValueError) as exc:
            raise ShapeError(f"not a date: {data!r}") from exc
    return _build_scalar(hint, data)


def _build_scalar(hint: Any, data: Any) -> Any:
    if hint is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    # bool is an int in Python: a flag must not become a number, nor a number a flag.
    if hint in (int, float) and isinstance(data, bool):
        raise ShapeError(f"expected {hint.__name__}, found a boolean")
    if hint in (str, int, float, bool) and isinstance(data, hint):
        return data
    if hint is type(None) and data is None:
        return None
    raise ShapeError(f"expected {getattr(hint, '__name__', hint)}, found {type(data).__name__}")


def _build_union(options: tuple[Any, ...], data: Any) -> Any:
    if data is None and type(None) in options:
        return None
    for option in options:
        if option is type(None):
            continue
        try:
            return _build(option, data)
        except ShapeError:
            continue
    raise ShapeError(f"{data!r} fits none of {options}")


def _build_tuple(args: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise ShapeError("expected a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_build(args[0], item) for item in data)
    if len(args) != len(data):
        raise ShapeError(f"expected {len(args)} items, found {len(data)}")
    return tuple(_build(arg, item) for arg, item in zip(args, data, strict=True))
