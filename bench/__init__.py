"""Benchmarks and evaluation harnesses for claimcheck (run as `python -m bench.<name>`)."""
