"""``python -m gongwen``: the batch command line."""

import sys

from gongwen.cli import main

sys.exit(main())
