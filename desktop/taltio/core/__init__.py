"""Qt-free domain logic. Nothing here may import PySide6 (tests/test_layering.py checks)."""
