"""The domain: calls, their rules and notices, manifests, signatures, policies, and the ports (interfaces) to the outside. Imports nothing else of Taltio."""
