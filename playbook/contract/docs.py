"""The data contract as documentation: each kind's fields, read from its pydantic model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from playbook.contract.kinds import KINDS, Kind


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class KindDoc:
    kind: Kind
    fields: list[FieldDoc]


def _type(prop: dict[str, Any]) -> str:
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"] if p.get("type") != "null")
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if prop.get("type") == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if "enum" in prop:
        return " | ".join(map(str, prop["enum"]))
    if "const" in prop:
        return str(prop["const"])
    return str(prop.get("type", "any"))


def fields_of(model: type[BaseModel]) -> list[FieldDoc]:
    """Every field of a model: name, type, whether required, and its description."""
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return [FieldDoc(name, _type(prop), name in required, prop.get("description", "")) for name, prop in schema["properties"].items()]


def kind_docs() -> list[KindDoc]:
    return [KindDoc(kind, fields_of(kind.schema)) for kind in KINDS]
