package org.warctrail.index;

import java.util.List;

/**
 * How far derivation has come: captures whose derived data is stored (done), still to compute (pending), or
 * that could not be derived (failed, each with its reason; at most a limit of them listed).
 */
public record DerivationStatus(long done, long pending, long failed, List<DerivationFailure> failures) {
    public DerivationStatus {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** The summary line capture and import print when some documents failed, else null. */
    public String failureNotice() {
        if (failed == 0) return null;
        return failed + (failed == 1 ? " document" : " documents") + " could not be derived: see `warctrail status`";
    }
}
