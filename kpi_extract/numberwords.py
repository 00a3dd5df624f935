"""Numbers written as words ("six", "thirty"): one table for the figures values.py reads and the
spans of months periods.py reads ("the six months to 30 September")."""
from __future__ import annotations

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(UNITS)}
WORD_VALUES.update({w: 10 * i for i, w in enumerate(TENS) if w})
