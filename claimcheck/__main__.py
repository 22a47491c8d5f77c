"""`python -m claimcheck`: the command line, as the `claimcheck` script runs it."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
