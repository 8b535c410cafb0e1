# A program folder: run as `python app`, compiled as `python -m nuitka app`.
import os
import sys

import helper
from tools import shout

print("main", __name__, os.path.basename(__file__), os.path.basename(os.path.dirname(__file__)))
print("path0", os.path.basename(sys.path[0]), os.path.isfile(os.path.join(sys.path[0], "helper.py")))
print(helper.greet("folder"), shout("done"), helper.__name__, os.path.basename(helper.__file__))
print("args", sys.argv[1:])
sys.exit(helper.CODE)
