from .. import util
LEAF = util.double(10) + 1
