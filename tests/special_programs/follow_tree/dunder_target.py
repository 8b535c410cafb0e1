NAME = "dunder " + __name__
