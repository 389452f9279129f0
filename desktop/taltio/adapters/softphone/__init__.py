"""Softphone adapters, one module per softphone, each turning its own signals into call events."""
