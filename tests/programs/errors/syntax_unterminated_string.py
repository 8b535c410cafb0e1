# nuitka-test: compile-error
message = "this string never ends
print(message)
