"""JSON Schemas for editors, generated from the models (draft 7, which YAML editors understand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playbook.contract.kinds import KINDS, Kind

DRAFT7 = "http://json-schema.org/draft-07/schema#"


def schema_for(kind: Kind) -> dict[str, Any]:
    schema = kind.schema.model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    return {"$schema": DRAFT7, "$id": f"{kind.name}.schema.json", **schema}


def render_schemas() -> dict[str, str]:
    """file name -> JSON text, for every kind."""
    return {f"{k.name}.schema.json": json.dumps(schema_for(k), indent=2, ensure_ascii=False) + "\n" for k in KINDS}


def stale_schemas(folder: Path) -> dict[str, str]:
    """file name -> current JSON text, for every committed schema that is missing or out of date."""
    return {
        name: text for name, text in render_schemas().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    }


def write_schemas(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    stale = stale_schemas(folder)
    for name, text in stale.items():
        (folder / name).write_text(text, encoding="utf-8")
    return list(stale)
