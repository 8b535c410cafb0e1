NAME = "dyn " + __name__
