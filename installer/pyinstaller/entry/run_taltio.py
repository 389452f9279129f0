"""The frozen `taltio` executable: the same entry point as pyproject's `taltio` script (taltio.cli.main:main).

Named run_taltio, not taltio: PyInstaller puts a script's folder on the analysis path, and a script called
taltio.py would stand in for the taltio package.
"""
import sys

from taltio.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
