"""Global keyboard shortcuts: one module per desktop system (X11 here; Windows and macOS to come)."""
