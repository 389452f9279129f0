"""`python -m taltio.ui.review`: what `taltio-admin review` runs."""
import sys

from taltio.ui.review import main

sys.exit(main())
