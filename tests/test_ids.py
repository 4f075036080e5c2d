from __future__ import annotations

import time

from assay.ids import new_id


def test_ids_are_version_7_and_strictly_increasing() -> None:
    ids = [new_id() for _ in range(10_000)]

    assert ids == sorted(ids)
    assert len(set(ids)) == 10_000
    assert {i.version for i in ids} == {7}
    assert {i.variant for i in ids} == {"specified in RFC 4122"}


def test_the_time_part_is_the_creation_millisecond() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000

    assert before <= made.int >> 80 <= after + 1
