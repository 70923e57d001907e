"""Measurements of the pipeline's stages against reference data (developer tools)."""
