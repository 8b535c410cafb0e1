def greet(who):
    return "shared greets " + who
