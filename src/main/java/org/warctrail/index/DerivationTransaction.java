package org.warctrail.index;

import java.sql.Connection;

/**
 * The write transaction a batch of derived rows goes into: the derivers hand it to the index's tables
 * ({@link ReuseTables#record}, {@link VersionFlagsTable}), which alone see the connection behind it.
 */
public final class DerivationTransaction {
    final Connection connection;

    DerivationTransaction(Connection connection) {
        this.connection = connection;
    }
}
