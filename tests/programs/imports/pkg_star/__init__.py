from .with_all import *  # noqa: F401,F403
from .without_all import *  # noqa: F401,F403

__all__ = ["public_a", "public_b", "visible", "with_all"]
