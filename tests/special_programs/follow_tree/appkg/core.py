COUNTER = globals().get("COUNTER", 0) + 1


def base():
    return 41


def partner_name():
    # Circular: sub.sibling imports core at its top.
    from .sub import sibling

    return sibling.__name__
