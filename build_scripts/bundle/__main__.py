"""``python -m build_scripts.bundle``: see the package's docstring."""

import sys

from . import main

sys.exit(main())
