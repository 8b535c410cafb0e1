print("  importing pkg_lazy.heavy")
WEIGHT = 100
