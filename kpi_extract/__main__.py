"""`python -m kpi_extract` runs the command line."""
from .cli import main

main()
