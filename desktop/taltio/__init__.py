"""Taltio: call recording for softphone agents."""

__version__ = "0.1.0"
