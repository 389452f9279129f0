"""`python -m taltio.cli`: the same as the `taltio` command."""
import sys

from taltio.cli.main import main

sys.exit(main())
