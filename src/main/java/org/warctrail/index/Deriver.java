package org.warctrail.index;

/**
 * One kind of derived data (text reuse, site lines, version flags): what a later stage computes from a capture
 * once it is indexed. The index cannot import the stages after it, so the application's wiring hands it the
 * derivers when it opens an {@code Archive}; {@link Derivations} runs them after each committed indexing batch.
 *
 * <p>A batch of pending captures is derived in two steps: {@link Batch#derive} computes, in memory, what one
 * capture adds (reading only committed rows, plus what the batch itself remembers of the captures before it),
 * then every capture's {@link Write} goes into one transaction. A capture whose derivation throws is marked
 * failed with the reason, and nothing derived from it is written; the others go on.
 */
public interface Deriver {
    /** What it derives, as failure reasons name it: "reuse", "versions". */
    String name();

    /** The work of one batch: used by one thread, in capture id order, then dropped. */
    Batch batch(CaptureIndex index);

    /** A batch's state: what the captures derived so far in it add to what the index holds. */
    interface Batch {
        /**
         * Derives what this deriver keeps for one capture.
         *
         * @return what to write, run in the batch's transaction when no deriver failed on the capture
         * @throws Exception when it cannot: the capture is marked failed with the exception's message
         */
        Write derive(PendingCapture capture) throws Exception;
    }

    /** Rows to write in the batch's transaction, through the index's tables that take a {@link DerivationTransaction}. */
    @FunctionalInterface
    interface Write {
        void to(DerivationTransaction transaction);

        Write NOTHING = transaction -> { };
    }
}
