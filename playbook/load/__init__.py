"""Stage 1, load: open each data file without trusting it and read its YAML strictly, keeping every line."""
