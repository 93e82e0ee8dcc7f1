"""`python -m brief`: the same as the `brief` command."""
import os
import sys

from brief.cli import main
from brief.errors import EXIT_INTERRUPTED

try:
    main()
except SystemExit as exit_:
    if exit_.code == EXIT_INTERRUPTED:
        # Under -m, CPython 3.11 ends a run in which a KeyboardInterrupt once crossed an exec() or eval()
        # of a string (every @dataclass does one) by killing itself with SIGINT, even though brief
        # handled the interrupt and cleaned up. Leave with the code brief chose, as the `brief` script does.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    raise
