package org.warctrail.cli;

import org.warctrail.capture.CrawlConfig;
import picocli.CommandLine.Option;

/** How the commands that capture in the background ({@code watch}, {@code serve}) reach the web. */
final class ProxyOptions {
    @Option(names = "--proxy", paramLabel = "URL", description = "HTTP proxy for captures, e.g. http://127.0.0.1:3128.")
    String proxy;

    @Option(names = "--no-check-certificate",
            description = "Capture https sites whatever their certificate (expired, self-signed, another host's),"
                    + " as wget does with this option; the records are the same.")
    boolean noCheckCertificate;

    /** Checks the proxy now, so a typo fails the command at once rather than every capture later. */
    void validate() {
        if (proxy != null) CrawlConfig.parseProxy(proxy);
    }

    CrawlConfig.Builder apply(CrawlConfig.Builder builder) {
        if (proxy != null) builder.proxy(proxy);
        return builder.checkCertificates(!noCheckCertificate);
    }
}
