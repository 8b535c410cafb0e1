print("not a program")
