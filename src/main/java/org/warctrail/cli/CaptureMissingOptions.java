package org.warctrail.cli;

import picocli.CommandLine.Option;

/** The options of {@code --capture-missing} that {@code chain} and {@code trace} share. */
final class CaptureMissingOptions {
    @Option(names = "--capture-missing", description = "Capture the linked sources that are not archived and were"
            + " never tried (with their requisites), then show the result again.")
    boolean captureMissing;

    @Option(names = "--retry-dead", description = "With --capture-missing, also capture again the sources whose"
            + " captures all failed (404, 410, 5xx).")
    boolean retryDead;

    @Option(names = "--proxy", paramLabel = "URL", description = "HTTP proxy for --capture-missing.")
    String proxy;

    @Option(names = "--no-check-certificate", description = "For --capture-missing: capture https sites whatever"
            + " their certificate (expired, self-signed, another host's), as wget does with this option.")
    boolean noCheckCertificate;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "1000",
            description = "Pause between requests to one host for --capture-missing (default: ${DEFAULT-VALUE}).")
    long delay;
}
