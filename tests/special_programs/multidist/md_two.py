import md_shared

print("two", md_shared.greet("two"), __name__)
raise SystemExit(7)
