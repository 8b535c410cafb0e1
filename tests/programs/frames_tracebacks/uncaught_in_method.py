# Uncaught exception raised in a property called from a method called from
# a lambda inside a list comprehension inside a generator.


class Account:
    def __init__(self, balance):
        self.balance = balance

    @property
    def ratio(self):
        return 100 // self.balance

    def report(self):
        return "ratio=%d" % self.ratio


def reports(accounts):
    for acc in accounts:
        yield [(lambda a: a.report())(a) for a in [acc]][0]


accounts = [Account(10), Account(5), Account(0)]
for line in reports(accounts):
    print(line)
