"""Taltio's shipped resources (notice texts, translations), installed as the package `taltio.resources`."""
