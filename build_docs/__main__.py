"""``python -m build_docs`` runs the command-line interface."""

import sys

from build_docs.cli import main

sys.exit(main())
