"""The frozen `taltio-admin` executable: pyproject's `taltio-admin` script (taltio.admin.main:main), plus the
review window.

`taltio-admin review` starts the window as a program of its own (admin/play.py, run_review): taltio-admin
may not import the ui (the layers contract in pyproject.toml) and should not load Qt. From source that program
is `python -m taltio.ui.review`; in the frozen app sys.executable is this executable, so run_review starts it
again with REVIEW_WINDOW first, and this script, which is outside the taltio package and its contract, opens
the window. A third executable would do the same at the cost of another 11 MB copy of the bytecode archive.
"""
import sys

REVIEW_WINDOW = "--review-window"   # the same string as in admin/play.py run_review; never shown in --help

if __name__ == "__main__":
    if sys.argv[1:2] == [REVIEW_WINDOW]:
        from taltio.ui.review import main as review_main

        sys.exit(review_main(sys.argv[2:]))
    from taltio.admin.main import main

    sys.exit(main())
