# python-dateutil: parsing, relative deltas, recurrence rules, time zones
# (its own zoneinfo tarball is package data read with pkgutil.get_data).
import datetime

from dateutil import parser, relativedelta, rrule, tz
from dateutil.zoneinfo import get_zonefile_instance

print(parser.parse("2024-03-01T10:20:30+01:00").isoformat())
print(parser.parse("March 5 2021 4pm").isoformat())
print(datetime.date(2024, 1, 31) + relativedelta.relativedelta(months=1))
print(list(rrule.rrule(rrule.WEEKLY, count=3, dtstart=datetime.datetime(2024, 1, 1))))
zones = get_zonefile_instance()
oslo = zones.get("Europe/Oslo")
print(datetime.datetime(2024, 7, 1, 12, tzinfo=oslo).utcoffset(), len(zones.zones) > 100)
print(datetime.datetime(2024, 1, 1, tzinfo=tz.UTC).astimezone(tz.tzoffset("X", 3600)).isoformat())
