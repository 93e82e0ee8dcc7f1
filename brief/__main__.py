"""`python -m brief`: the same as the `brief` command."""
from brief.cli import main

main()
