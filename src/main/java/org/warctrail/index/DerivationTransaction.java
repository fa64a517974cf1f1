package org.warctrail.index;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The write transaction a batch of derived rows goes into: the derivers hand it to the index's tables
 * ({@link ReuseTables#record}, {@link VersionFlagsTable}), which alone see the connection behind it.
 */
public final class DerivationTransaction {
    final Connection connection;
    /**
     * Band keys filed by the batch's documents, {key, document id} pairs: inserted together, in key order, before
     * the commit, so that a batch's inserts walk the bucket table's pages in order instead of at random.
     */
    final List<long[]> bands = new ArrayList<>();

    DerivationTransaction(Connection connection) {
        this.connection = connection;
    }
}
