def is_compiled():
    return "__compiled__" in globals() and hasattr(is_compiled, "__compiled__")
