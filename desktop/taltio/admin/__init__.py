"""`taltio-admin`: the supervisor and IT tools, one module per command group."""
