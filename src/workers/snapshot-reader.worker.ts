/**
 * The grid engine's snapshot reader: reads the stored parts it is asked for and takes each one's
 * checksum, on its own thread, while the engine reads the others (engine-snapshot-repo.ts,
 * readSplit). The arrays are handed over, not copied. Started by the grid worker for one read of
 * a large snapshot; holds nothing after it.
 */
import * as Comlink from 'comlink';
import { snapshotReaderApi } from './snapshot-reader-api';

Comlink.expose(snapshotReaderApi);
