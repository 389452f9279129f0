"""The tray app (PySide6): widgets only; everything they show comes from taltio.app."""
