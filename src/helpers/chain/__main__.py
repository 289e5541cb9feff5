"""``python -m helpers.chain``: run the notebook chain (see ``helpers.chain.run``)."""

import sys

from .run import main

sys.exit(main())
