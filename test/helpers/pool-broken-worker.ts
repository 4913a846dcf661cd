/** A worker thread entry that fails as it starts, for the worker pool's tests. */
throw new Error('this worker is broken on purpose');
