import os.path; HERE = os.path.dirname(__file__)
