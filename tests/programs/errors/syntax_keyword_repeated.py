# nuitka-test: compile-error
print(sep="-", sep="+")
