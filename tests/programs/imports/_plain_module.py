"""A plain helper module."""
MODULE_CONST = 42


def module_func(x):
    return x + MODULE_CONST
