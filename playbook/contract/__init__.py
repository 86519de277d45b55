"""The data contract: the kinds registry, the pydantic models, the names an entry may take and its URL."""
