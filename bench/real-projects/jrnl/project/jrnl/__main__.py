# Copyright © 2012-2023 jrnl contributors
# License: https://www.gnu.org/licenses/gpl-3.0.html

import sys

from jrnl.main import run

if __name__ == "__main__":
    sys.exit(run())
