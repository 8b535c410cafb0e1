def run():
    return "plugin one " + __name__
