"""Benchmarks and measurements; each script writes its figures into the README."""
