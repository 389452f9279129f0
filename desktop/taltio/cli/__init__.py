"""Command lines on top of the application layer: `taltio` (hook, status, doctor, enroll, run) and the headless runner."""
