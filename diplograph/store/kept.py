"""Results kept while the store does not change: a brief or a state network is the same for every call until a
write, so a process computes it once per store state and reads it from memory after that.

A result is kept under the store's `stamp` (its file's and write-ahead log's size and time, which any commit of
any process changes) and the caller's key, in a small LRU of its own per kind of result. An in-memory store has
no stamp: nothing of it is kept.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from diplograph.store import Store

T = TypeVar("T")


class Kept(Generic[T]):
    """At most `size` results, the least recently read dropped first. With `copies`, each read gets a deep copy
    (for results a caller may change, such as a Brief)."""

    def __init__(self, size: int, *, copies: bool = False) -> None:
        self.size = size
        self.copies = copies
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, make: Callable[[], T]) -> T:
        """The result kept for `key` while the store is as it was when it was made; else `make()`, kept."""
        stamp = store.stamp()
        if stamp is None:
            return make()
        full = (stamp, key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._out(self._items[full])
        made = make()
        with self._lock:
            self._items[full] = made
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return self._out(made)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _out(self, item: T) -> T:
        return copy.deepcopy(item) if self.copies else item
