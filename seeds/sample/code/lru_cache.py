"""A small least-recently-used (LRU) cache with optional per-entry expiry.

The cache holds at most ``capacity`` entries. Reading or writing a key marks
it as the most recently used; when the cache is full, inserting a new key
evicts the least recently used one. If ``ttl`` is given, entries also expire
``ttl`` seconds after they were last written.

A fake clock makes the examples deterministic:

>>> now = [0.0]
>>> cache = LRUCache(capacity=2, ttl=10.0, clock=lambda: now[0])
>>> cache.put("a", 1)
>>> cache.put("b", 2)
>>> cache.get("a")
1
>>> cache.put("c", 3)          # evicts "b", the least recently used key
>>> cache.get("b") is None
True
>>> sorted(cache.keys())
['a', 'c']
>>> now[0] = 11.0              # both remaining entries are now too old
>>> cache.get("a", default="expired")
'expired'
>>> len(cache)
0
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, Optional, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
D = TypeVar("D")


class LRUCache(Generic[K, V]):
    """Bounded mapping that evicts the least recently used entry.

    :param capacity: maximum number of entries; must be at least 1.
    :param ttl: seconds an entry stays valid after it is written, or ``None``
        for entries that never expire.
    :param clock: returns the current time in seconds (default: time.monotonic).
    """

    def __init__(
        self,
        capacity: int,
        ttl: Optional[float] = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        if ttl is not None and ttl <= 0:
            raise ValueError("ttl must be positive")
        self.capacity = capacity
        self.ttl = ttl
        self._clock = clock
        # key -> (value, expiry time), ordered from least to most recently used.
        self._data: OrderedDict[K, tuple[V, float]] = OrderedDict()

    def get(self, key: K, default: Optional[D] = None) -> V | D | None:
        """Return the value for ``key`` and mark it as recently used.

        Returns ``default`` if the key is missing or has expired.

        >>> c = LRUCache(capacity=1)
        >>> c.put("x", 42)
        >>> c.get("x"), c.get("y", 0)
        (42, 0)
        """
        entry = self._data.get(key)
        if entry is None:
            return default
        value, expires_at = entry
        if self._clock() >= expires_at:
            del self._data[key]
            return default
        self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        """Insert or replace ``key`` (resetting its expiry), evicting if full."""
        expires_at = float("inf") if self.ttl is None else self._clock() + self.ttl
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = (value, expires_at)
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)

    def pop(self, key: K, default: Optional[D] = None) -> V | D | None:
        """Remove ``key`` and return its value, or ``default`` if absent.

        >>> c = LRUCache(capacity=2)
        >>> c.put("k", "v")
        >>> c.pop("k"), c.pop("k")
        ('v', None)
        """
        entry = self._data.pop(key, None)
        if entry is None or self._clock() >= entry[1]:
            return default
        return entry[0]

    def purge_expired(self) -> int:
        """Drop every expired entry and return how many were removed."""
        now = self._clock()
        stale = [k for k, (_, expires_at) in self._data.items() if now >= expires_at]
        for key in stale:
            del self._data[key]
        return len(stale)

    def keys(self) -> Iterator[K]:
        """Iterate over live keys, from least to most recently used."""
        self.purge_expired()
        return iter(list(self._data))

    def __contains__(self, key: object) -> bool:
        """Test membership, ignoring expired entries; recency is unchanged.

        >>> c = LRUCache(capacity=2)
        >>> c.put(1, "one")
        >>> 1 in c, 2 in c
        (True, False)
        """
        if key not in self._data:
            return False
        return self._clock() < self._data[cast(K, key)][1]

    def __len__(self) -> int:
        """Number of live (unexpired) entries."""
        self.purge_expired()
        return len(self._data)

    def __repr__(self) -> str:
        return f"LRUCache(capacity={self.capacity}, ttl={self.ttl}, size={len(self)})"
