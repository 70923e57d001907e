"""Helpers for tests, CI and benchmarks: tiny real models built at test time."""
