package org.warctrail.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option every command takes. */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warc-store",
            description = "The store: WARC files and index (default: ${DEFAULT-VALUE}).")
    Path dir;

    public Path dir() {
        return dir;
    }
}
