"""``python -m crm_desktop``: the same as the ``callsheet`` command."""

import sys

from .app import main

sys.exit(main())
