"""`python -m taltio.admin`: the same as the `taltio-admin` command."""
import sys

from taltio.admin.main import main

sys.exit(main())
