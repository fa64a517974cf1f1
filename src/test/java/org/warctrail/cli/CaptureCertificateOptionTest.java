package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --no-check-certificate}, named as wget names it, turns certificate checks off; they are on by default. */
class CaptureCertificateOptionTest {

    @Test
    void certificatesAreCheckedUnlessTheFlagIsGiven() {
        CaptureCommand checking = new CaptureCommand();
        new CommandLine(checking).parseArgs("https://secure.example/");
        assertTrue(checking.config().checkCertificates());

        CaptureCommand notChecking = new CaptureCommand();
        new CommandLine(notChecking).parseArgs("--no-check-certificate", "https://secure.example/");
        assertFalse(notChecking.config().checkCertificates());
    }

    @Test
    void theFlagIsInTheHelp() {
        assertTrue(CommandRun.of("capture", "--help").out().contains("--no-check-certificate"));
    }
}
