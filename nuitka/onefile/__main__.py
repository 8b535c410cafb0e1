"""``python -m nuitka.onefile ONEFILE``: check a onefile and list its payload."""

from nuitka.onefile.payload import main

raise SystemExit(main())
