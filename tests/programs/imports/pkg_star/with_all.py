__all__ = ["public_a", "_private_but_listed"]
public_a = "public_a"
public_not_listed = "not in __all__"
_private_but_listed = "private but in __all__"
