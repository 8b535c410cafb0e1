print("executing pkg_basic/sub/sibling.py")
SIBLING = "sibling value"
