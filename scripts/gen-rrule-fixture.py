#!/usr/bin/env python3
"""Writes src-shared/lib/recurrence/dateutil-rrule.fixture.json: RRULE cases expanded by python-dateutil's rrule.

Run once (python3 + dateutil 2.9) and commit the output; the recurrence property test compares our engine with it
and never needs python. Deterministic: the same seed gives the same file.
  python3 scripts/gen-rrule-fixture.py && npx prettier --write src-shared/lib/recurrence/dateutil-rrule.fixture.json
"""
import datetime as dt
import json
import os
import random

import dateutil
from dateutil.rrule import rrulestr

SEED = 5545
CASES = 320
MAX_INSTANCES = 40
HORIZON_DAYS = 3653  # both sides expand at most ten years from DTSTART
DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
OUT = os.path.join(os.path.dirname(__file__), '..', 'src-shared', 'lib', 'recurrence', 'dateutil-rrule.fixture.json')


def subset(rng, values, lo, hi):
    return sorted(rng.sample(values, rng.randint(lo, hi)), key=values.index)


def make_rule(rng):
    freq = rng.choice(['YEARLY', 'YEARLY', 'MONTHLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'])
    parts = [f'FREQ={freq}']
    if rng.random() < 0.4:
        parts.append(f'INTERVAL={rng.randint(2, 4)}')
    has_by = False
    if freq == 'YEARLY' and rng.random() < 0.25:
        parts.append('BYWEEKNO=' + ','.join(str(w) for w in subset(rng, [1, 2, 10, 20, 26, 52, 53, -1, -2], 1, 3)))
        has_by = True
    elif freq == 'YEARLY' and rng.random() < 0.2:
        parts.append('BYYEARDAY=' + ','.join(str(d) for d in subset(rng, [1, 15, 60, 100, 200, 365, 366, -1, -100, -365], 1, 3)))
        has_by = True
    if freq in ('YEARLY', 'DAILY', 'HOURLY') and 'BYWEEKNO' not in parts[-1] and rng.random() < 0.35:
        parts.append('BYMONTH=' + ','.join(str(m) for m in subset(rng, list(range(1, 13)), 1, 4)))
        has_by = True
    if freq in ('YEARLY', 'MONTHLY', 'DAILY') and not any(p.startswith(('BYWEEKNO', 'BYYEARDAY')) for p in parts) and rng.random() < 0.3:
        parts.append('BYMONTHDAY=' + ','.join(str(d) for d in subset(rng, [1, 2, 10, 15, 28, 29, 30, 31, -1, -2, -7], 1, 3)))
        has_by = True
    elif rng.random() < 0.55:
        ordinals = freq in ('MONTHLY', 'YEARLY') and not any(p.startswith('BYWEEKNO') for p in parts) and rng.random() < 0.5
        days = subset(rng, DAYS, 1, 3)
        parts.append('BYDAY=' + ','.join((f'{rng.choice([1, 2, 3, 4, -1, -2])}{d}' if ordinals else d) for d in days))
        has_by = True
    if freq in ('DAILY', 'HOURLY') and rng.random() < 0.3:
        parts.append('BYHOUR=' + ','.join(str(h) for h in subset(rng, [0, 6, 9, 12, 18, 23], 1, 3)))
    if has_by and freq != 'HOURLY' and rng.random() < 0.3:
        parts.append('BYSETPOS=' + ','.join(str(p) for p in subset(rng, [1, 2, 3, -1, -2], 1, 2)))
    if rng.random() < 0.35:
        parts.append('WKST=' + rng.choice(DAYS))
    return parts


def main():
    rng = random.Random(SEED)
    cases = []
    while len(cases) < CASES:
        parts = make_rule(rng)
        seed = dt.datetime(rng.randint(1997, 2030), rng.randint(1, 12), rng.randint(1, 28), rng.choice([0, 9, 13, 23]), rng.choice([0, 30]), 0)
        horizon_days = 400 if parts[0] == 'FREQ=HOURLY' else HORIZON_DAYS
        horizon = seed + dt.timedelta(days=horizon_days)
        try:
            # Bounded by an UNTIL so a rule with no instance (e.g. BYMONTHDAY=31;BYMONTH=2) cannot run to year 9999.
            first = next(iter(rrulestr(';'.join(parts) + ';UNTIL=' + horizon.strftime('%Y%m%dT%H%M%S'), dtstart=seed)), None)
        except ValueError:
            continue  # dateutil refuses BY* sets that can never match (e.g. HOURLY;INTERVAL=4;BYHOUR=9 from 13:00)
        if first is None:
            continue  # no instance within the horizon: nothing to compare
        # DTSTART on the rule's first instance: RFC 5545 leaves an unsynchronised DTSTART undefined.
        if rng.random() < 0.6:
            parts.append(f'COUNT={rng.randint(1, MAX_INSTANCES)}')
        else:
            until = first + dt.timedelta(days=rng.randint(20, 1500), hours=rng.choice([0, 5]))
            parts.append('UNTIL=' + until.strftime('%Y%m%dT%H%M%S'))
        rule = ';'.join(parts)
        end = first + dt.timedelta(days=horizon_days)
        instances = [d for d in rrulestr(rule, dtstart=first).between(first, end, inc=True)][:MAX_INSTANCES]
        cases.append({'rule': rule, 'dtstart': first.isoformat(), 'horizonDays': horizon_days, 'instances': [d.isoformat() for d in instances]})
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'generator': f'scripts/gen-rrule-fixture.py (python-dateutil {dateutil.__version__}, seed {SEED})', 'cases': cases}, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
