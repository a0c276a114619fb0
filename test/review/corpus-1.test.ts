// Share 1 of 2 of the shared corpus (../shared/corpus): see test/support/corpus-round-trips.ts.
// The corpus is split in two files, balanced by size, so that two test workers can share it.

import { describeCorpusRoundTrips } from "../support/corpus-round-trips.js";

describeCorpusRoundTrips(0, 2);
