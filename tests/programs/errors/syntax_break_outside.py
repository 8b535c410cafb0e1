# nuitka-test: compile-error
for i in range(3):
    pass
break
