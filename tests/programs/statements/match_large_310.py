# Large match statements: long patterns and many cases (the lowering must
# stay flat: no deep recursion in the compiler, no huge C code).


def many_captures(subject):
    match subject:
        case [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32, x33, x34, x35, x36, x37, x38, x39, x40, x41, x42, x43, x44, x45, x46, x47, x48, x49, x50, x51, x52, x53, x54, x55, x56, x57, x58, x59, x60, x61, x62, x63, x64, x65, x66, x67, x68, x69, x70, x71, x72, x73, x74, x75, x76, x77, x78, x79, x80, x81, x82, x83, x84, x85, x86, x87, x88, x89, x90, x91, x92, x93, x94, x95, x96, x97, x98, x99, x100, x101, x102, x103, x104, x105, x106, x107, x108, x109, x110, x111, x112, x113, x114, x115, x116, x117, x118, x119, x120, x121, x122, x123, x124, x125, x126, x127, x128, x129, x130, x131, x132, x133, x134, x135, x136, x137, x138, x139, x140, x141, x142, x143, x144, x145, x146, x147, x148, x149, x150, x151, x152, x153, x154, x155, x156, x157, x158, x159, x160, x161, x162, x163, x164, x165, x166, x167, x168, x169, x170, x171, x172, x173, x174, x175, x176, x177, x178, x179, x180, x181, x182, x183, x184, x185, x186, x187, x188, x189, x190, x191, x192, x193, x194, x195, x196, x197, x198, x199, x200, x201, x202, x203, x204, x205, x206, x207, x208, x209, x210, x211, x212, x213, x214, x215, x216, x217, x218, x219, x220, x221, x222, x223, x224, x225, x226, x227, x228, x229, x230, x231, x232, x233, x234, x235, x236, x237, x238, x239, x240, x241, x242, x243, x244, x245, x246, x247, x248, x249, x250, x251, x252, x253, x254, x255, x256, x257, x258, x259]:
            return x0, x130, x259
        case _:
            return None


def many_literals(subject):
    match subject:
        case [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259]:
            return "all literals"
        case [*rest, 1, 2, 3]:
            return "star rest %r" % (rest,)
        case _:
            return "no"


def many_cases(subject):
    match subject:
        case 0:
            return "int 0"
        case [1, x]:
            return "pair 1 with %r" % (x,)
        case {"k2": v, **rest}:
            return "key k2 value %r rest %r" % (v, rest)
        case 3:
            return "int 3"
        case [4, x]:
            return "pair 4 with %r" % (x,)
        case {"k5": v, **rest}:
            return "key k5 value %r rest %r" % (v, rest)
        case 6:
            return "int 6"
        case [7, x]:
            return "pair 7 with %r" % (x,)
        case {"k8": v, **rest}:
            return "key k8 value %r rest %r" % (v, rest)
        case 9:
            return "int 9"
        case [10, x]:
            return "pair 10 with %r" % (x,)
        case {"k11": v, **rest}:
            return "key k11 value %r rest %r" % (v, rest)
        case 12:
            return "int 12"
        case [13, x]:
            return "pair 13 with %r" % (x,)
        case {"k14": v, **rest}:
            return "key k14 value %r rest %r" % (v, rest)
        case 15:
            return "int 15"
        case [16, x]:
            return "pair 16 with %r" % (x,)
        case {"k17": v, **rest}:
            return "key k17 value %r rest %r" % (v, rest)
        case 18:
            return "int 18"
        case [19, x]:
            return "pair 19 with %r" % (x,)
        case {"k20": v, **rest}:
            return "key k20 value %r rest %r" % (v, rest)
        case 21:
            return "int 21"
        case [22, x]:
            return "pair 22 with %r" % (x,)
        case {"k23": v, **rest}:
            return "key k23 value %r rest %r" % (v, rest)
        case 24:
            return "int 24"
        case [25, x]:
            return "pair 25 with %r" % (x,)
        case {"k26": v, **rest}:
            return "key k26 value %r rest %r" % (v, rest)
        case 27:
            return "int 27"
        case [28, x]:
            return "pair 28 with %r" % (x,)
        case {"k29": v, **rest}:
            return "key k29 value %r rest %r" % (v, rest)
        case 30:
            return "int 30"
        case [31, x]:
            return "pair 31 with %r" % (x,)
        case {"k32": v, **rest}:
            return "key k32 value %r rest %r" % (v, rest)
        case 33:
            return "int 33"
        case [34, x]:
            return "pair 34 with %r" % (x,)
        case {"k35": v, **rest}:
            return "key k35 value %r rest %r" % (v, rest)
        case 36:
            return "int 36"
        case [37, x]:
            return "pair 37 with %r" % (x,)
        case {"k38": v, **rest}:
            return "key k38 value %r rest %r" % (v, rest)
        case 39:
            return "int 39"
        case [40, x]:
            return "pair 40 with %r" % (x,)
        case {"k41": v, **rest}:
            return "key k41 value %r rest %r" % (v, rest)
        case 42:
            return "int 42"
        case [43, x]:
            return "pair 43 with %r" % (x,)
        case {"k44": v, **rest}:
            return "key k44 value %r rest %r" % (v, rest)
        case 45:
            return "int 45"
        case [46, x]:
            return "pair 46 with %r" % (x,)
        case {"k47": v, **rest}:
            return "key k47 value %r rest %r" % (v, rest)
        case 48:
            return "int 48"
        case [49, x]:
            return "pair 49 with %r" % (x,)
        case {"k50": v, **rest}:
            return "key k50 value %r rest %r" % (v, rest)
        case 51:
            return "int 51"
        case [52, x]:
            return "pair 52 with %r" % (x,)
        case {"k53": v, **rest}:
            return "key k53 value %r rest %r" % (v, rest)
        case 54:
            return "int 54"
        case [55, x]:
            return "pair 55 with %r" % (x,)
        case {"k56": v, **rest}:
            return "key k56 value %r rest %r" % (v, rest)
        case 57:
            return "int 57"
        case [58, x]:
            return "pair 58 with %r" % (x,)
        case {"k59": v, **rest}:
            return "key k59 value %r rest %r" % (v, rest)
        case other:
            return "other %r" % (other,)


print(many_captures(list(range(260))))
print(many_captures(list(range(259))))
print(many_literals(list(range(260))))
print(many_literals([7, 8, 1, 2, 3]))
print(many_literals(list(range(261))))
print(many_literals([1]))
for value in (0, 3, 57, 147, [1, 'a'], [58, 'b'], [2, 'c'], {'k2': 1}, {'k59': 2, 'z': 3}, {'k3': 4}, 'x'):
    print(many_cases(value))
