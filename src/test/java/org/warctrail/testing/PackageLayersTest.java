package org.warctrail.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: a package uses only packages of a lower layer (the pipeline's order), never one of its own
 * layer or above, so there are no cycles and no upward imports. Read from the sources, so a fully qualified use
 * counts as much as an import.
 */
class PackageLayersTest {
    /** The pipeline's layers; a new package is placed here deliberately. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("capture", 0),
            Map.entry("store", 1),
            Map.entry("extract", 1),
            Map.entry("index", 2),
            Map.entry("ingest", 3),
            Map.entry("provenance", 3),
            Map.entry("versions", 3),
            Map.entry("export", 4),
            Map.entry("report", 4),
            Map.entry("app", 5),
            Map.entry("watch", 6),
            Map.entry("web", 7),
            Map.entry("cli", 8),
            Map.entry("spark", 8));
    private static final Pattern USE = Pattern.compile("\\borg\\.warctrail\\.([a-z]+)\\.");
    private static final Path SOURCES = Path.of("src/main/java/org/warctrail");
    /** The Spark job's sources, compiled only under the Maven profile spark, and layered all the same. */
    private static final Path SPARK_SOURCES = Path.of("src/spark/java/org/warctrail");

    @Test
    void packagesOnlyUseLowerLayers() throws IOException {
        List<String> wrong = new ArrayList<>();
        check(SOURCES, wrong);
        if (Files.isDirectory(SPARK_SOURCES)) check(SPARK_SOURCES, wrong);
        assertEquals(List.of(), wrong);
    }

    private static void check(Path sources, List<String> wrong) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = sources.relativize(file).getName(0).toString();
                Integer layer = LAYERS.get(own);
                if (layer == null) {
                    wrong.add(own + ": a package with no layer: add it to PackageLayersTest.LAYERS");
                    continue;
                }
                Matcher m = USE.matcher(Files.readString(file));
                TreeSet<String> used = new TreeSet<>();
                while (m.find()) used.add(m.group(1));
                for (String other : used) {
                    if (other.equals(own)) continue;
                    Integer otherLayer = LAYERS.get(other);
                    if (otherLayer == null || otherLayer >= layer) {
                        wrong.add(sources.relativize(file) + " (" + own + ", layer " + layer + ") uses " + other
                                + " (layer " + otherLayer + ")");
                    }
                }
            }
        }
    }
}
