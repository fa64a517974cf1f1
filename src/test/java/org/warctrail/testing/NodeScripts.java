package org.warctrail.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JavaScript side of the interoperability tests: {@code src/test/js/}, its node_modules installed by
 * {@code src/test/js/install.sh}, and node to run its scripts.
 */
public final class NodeScripts {
    public static final Path DIR = Path.of("src/test/js").toAbsolutePath();
    public static final Path MODULES = DIR.resolve("node_modules");

    private NodeScripts() {
    }

    /** Skips the test, saying what to install, when node or the npm package is missing on this machine. */
    public static void assumeInstalled(String npmPackage) {
        assumeTrue(nodeWorks(), "node is not installed (apt-get install nodejs npm)");
        assumeTrue(Files.isDirectory(MODULES.resolve(npmPackage)),
                "npm package " + npmPackage + " is not installed: run src/test/js/install.sh");
    }

    /** Skips the test when node is missing on this machine (for scripts that need no npm package). */
    public static void assumeNode() {
        assumeTrue(nodeWorks(), "node is not installed (apt-get install nodejs npm)");
    }

    /** Runs {@code node SCRIPT ARGS...} in src/test/js and returns its standard output; fails on a non-zero exit. */
    public static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("node-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
