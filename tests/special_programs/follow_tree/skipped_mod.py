NAME = "skipped " + __name__
