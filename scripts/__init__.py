"""Developer scripts: the entry point (dev.py) and the benchmark (bench.py)."""
