LATE = "late " + __name__
