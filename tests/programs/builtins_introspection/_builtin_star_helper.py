__all__ = ["len", "isinstance"]


def len(x):
    return "star len"


def isinstance(a, b):
    return "star isinstance"
