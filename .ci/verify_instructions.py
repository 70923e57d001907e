"""Driver of .ci/verify-instructions.sh: the verify checks on newstest2014-fr pairs, a warm pass
over pairs N+1..2N (tables loaded), then pairs 1..N inside functools.reduce, the marker callgrind
collects under. The slices differ, so no per-sentence cache holds a measured sentence before."""

import functools
import sys

from pipeline.bench.verify_cost import check_pair
from pipeline.evaluation.data import newstest2014
from pipeline.verify.checks import Verifier

n = int(sys.argv[1])
pairs = newstest2014("fr")[: 2 * n]
verifier = Verifier()
analyses = verifier.analyse([p.source for p in pairs])


def check(done: int, i: int) -> int:
    check_pair(verifier, pairs[i], analyses[i])
    return done + 1


for i in range(n, 2 * n):
    check(0, i)
functools.reduce(check, range(n), 0)
