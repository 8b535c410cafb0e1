# nuitka-test: compile-error
name = "x"
print(f"{name")
