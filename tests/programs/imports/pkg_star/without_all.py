import os as _os_private  # noqa: F401
import json  # noqa: F401

public_b = "public_b"
visible = "visible"
_hidden = "hidden"
__dunder__ = "dunder"
