WHAT = "inner of " + __package__
