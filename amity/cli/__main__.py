"""`python -m amity.cli`."""
from amity.cli import run

run()
