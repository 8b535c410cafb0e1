"""Version of the compiler itself."""

__version__ = "0.1.0"


def get_version_string():
    return __version__
