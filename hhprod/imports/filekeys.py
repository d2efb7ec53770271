"""Which row of a file first had each take, in 16 bytes a take rather than a dict's hundred or so,
so that an import's memory stays flat as its file grows.

A take's key is one whole number: the scene's place among the file's scenes, the setup's letters
(at most two of A-Z, base 36: under 2**11) and the take number (under 2**31). Keys and rows are
two arrays sorted by key; the current batch's keys wait in a small dict and are merged in by
`settle()`, a slice copy per new key rather than an insertion per row.
"""

from array import array
from bisect import bisect_left


class KeysInFile:
    def __init__(self):
        self.scenes = {}  # scene id -> its place among the file's scenes
        self.keys = array("q")
        self.rows = array("q")
        self.recent = {}

    def key(self, scene_id, setup, number):
        place = self.scenes.setdefault(scene_id, len(self.scenes))
        return place << 43 | int(setup or "0", 36) << 32 | number

    def first_row(self, key):
        """The row that first had the key, or None."""
        if key in self.recent:
            return self.recent[key]
        position = bisect_left(self.keys, key)
        if position < len(self.keys) and self.keys[position] == key:
            return self.rows[position]
        return None

    def add(self, key, row):
        self.recent.setdefault(key, row)

    def settle(self):
        """Merge the batch's keys into the sorted arrays."""
        keys, rows = array("q"), array("q")
        start = 0
        for key, row in sorted(self.recent.items()):
            position = bisect_left(self.keys, key, start)
            keys.extend(self.keys[start:position])
            rows.extend(self.rows[start:position])
            keys.append(key)
            rows.append(row)
            start = position
        keys.extend(self.keys[start:])
        rows.extend(self.rows[start:])
        self.keys, self.rows, self.recent = keys, rows, {}
