import os
import sys

import md_shared

print("one", md_shared.greet("one"), os.path.basename(__file__), sys.argv[1:], "__compiled__" in vars(md_shared))
