package org.warctrail.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --store DIR} option every command takes. Only the commands that add to a store create one; the
 * others refuse a directory that holds no store, so that a mistyped {@code --store} is an error, not a new
 * empty store that answers "0 matching".
 */
public final class StoreOption {
    /** The commands that write captures into a store, and so may start one. */
    static final Set<String> CREATING = Set.of("capture", "import", "watch");

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warc-store",
            description = "The store: WARC files and index (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The store directory; for a command that only reads, it must hold a store already. */
    public Path dir() {
        if (command != null && !CREATING.contains(command.name()) && !isStore(dir)) {
            throw new IllegalArgumentException("no store at " + dir + " (no index.sqlite or warcs/ there); "
                    + "check --store, or create one with capture or import");
        }
        return dir;
    }

    static boolean isStore(Path dir) {
        return Files.isDirectory(dir)
                && (Files.exists(dir.resolve("index.sqlite")) || Files.isDirectory(dir.resolve("warcs")));
    }
}
