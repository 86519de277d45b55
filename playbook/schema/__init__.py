"""Stage 2, schema: validate each YAML document against its kind's model; collect every problem."""
