"""Adapters: one module (or package) per external system, each implementing a port of taltio.domain.ports."""
