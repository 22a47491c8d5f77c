"""Building models from trusted values, fast.

The extractor creates several models per figure; `pydantic.BaseModel.model_construct`
spends most of its time resolving aliases and defaults field by field. `build`
does what it does for a model without aliases — set ``__dict__`` and the
pydantic bookkeeping attributes — with each class's defaults worked out once.
Only for values the code has already made right: nothing is validated.
`tests/test_build.py` checks that `build` and `model_validate` agree.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["build"]

M = TypeVar("M", bound=BaseModel)

_defaults: dict[type, tuple[dict[str, Any], tuple[tuple[str, Any], ...]]] = {}
_set_attribute = object.__setattr__


def _class_defaults(cls: type[BaseModel]) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]]:
    # Every field, in the model's order, so that a built instance lists (and serialises)
    # its fields as a validated one does; required ones hold a placeholder until given.
    static: dict[str, Any] = {}
    factories: list[tuple[str, Any]] = []
    for name, field in cls.model_fields.items():
        if field.alias is not None and field.alias != name:
            raise TypeError(f"{cls.__name__}.{name} has an alias; use model_construct")
        if field.default_factory is not None:
            factories.append((name, field.default_factory))
            static[name] = None
        elif not field.is_required():
            static[name] = field.default
        else:
            static[name] = None
    result = (static, tuple(factories))
    _defaults[cls] = result
    return result


def build(cls: type[M], **values: Any) -> M:
    """An instance of `cls` holding `values` (defaults for the rest), without validation."""
    static, factories = _defaults.get(cls) or _class_defaults(cls)
    data = {**static, **values}
    for name, factory in factories:
        if name not in values:
            data[name] = factory()
    instance = cls.__new__(cls)
    _set_attribute(instance, "__dict__", data)
    _set_attribute(instance, "__pydantic_fields_set__", set(values))
    _set_attribute(instance, "__pydantic_extra__", None)
    _set_attribute(instance, "__pydantic_private__", None)
    return instance
