package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;

/** The seed case end to end: WARC → extract → index (with reuse detection) → chain and trace over SQLite. */
class ArchiveProvenanceTest {
    @TempDir
    Path dir;

    @Test
    void chainAndTraceOverTheIndex() throws Exception {
        Path warc = SeedArchive.write(dir);
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
            archive.importFiles(List.of(warc), ImportOptions.COPY, ImportListener.NONE);
            ArchiveProvenance provenance = new ArchiveProvenance(archive.index());

            Chain chain = provenance.chain(SeedFixture.BLOG, 3);
            Set<String> edges = chain.edges().stream().map(e -> e.from() + " " + e.kind() + " " + e.to())
                    .collect(Collectors.toSet());
            assertTrue(edges.contains(SeedFixture.BLOG + " continuation " + SeedFixture.SHORT), edges.toString());
            assertTrue(edges.contains(SeedFixture.SHORT + " redirect " + SeedFixture.ARTICLE), edges.toString());
            assertTrue(edges.contains(SeedFixture.ARTICLE + " citation " + SeedFixture.TRANSCRIPT), edges.toString());
            assertTrue(edges.contains(SeedFixture.BLOG + " image_credit " + SeedFixture.IMAGE_SOURCE), edges.toString());
            assertTrue(edges.contains(SeedFixture.BLOG + " reuse " + SeedFixture.ARTICLE), edges.toString());
            ChainEdge redirect = chain.edges().stream().filter(e -> e.kind().equals("redirect")).findFirst().orElseThrow();
            assertEquals(301, redirect.status());
            ChainEdge reuse = chain.edges().stream().filter(e -> e.kind().equals("reuse")
                    && e.from().equals(SeedFixture.BLOG)).findFirst().orElseThrow();
            assertTrue(reuse.share() > 0.5, reuse.toString());
            assertTrue(chain.edges().stream().noneMatch(e -> Set.of("navigation", "social", "advert", "link")
                    .contains(e.kind())), edges.toString());
            ChainNode image = chain.nodes().stream().filter(n -> n.url().equals(SeedFixture.IMAGE_SOURCE))
                    .findFirst().orElseThrow();
            assertFalse(image.archived());
            ChainNode article = chain.nodes().stream().filter(n -> n.url().equals(SeedFixture.ARTICLE))
                    .findFirst().orElseThrow();
            assertEquals("RT", article.site());
            assertEquals("20160921120010", article.firstCapture());

            Trace trace = provenance.trace(SeedFixture.QUOTE_AS_BLOG_PRINTS_IT);
            assertEquals(Set.of(SeedFixture.BLOG, SeedFixture.ARTICLE, SeedFixture.COPY, SeedFixture.TRANSCRIPT),
                    trace.matches().stream().map(TraceMatch::url).collect(Collectors.toSet()), trace.toString());
            assertEquals(SeedFixture.TRANSCRIPT, trace.origin().url());
            assertEquals(TraceOrigin.LINKS, trace.origin().reason());
            List<TraceHop> fromBlog = trace.paths().stream().filter(p -> p.get(0).from().equals(SeedFixture.BLOG))
                    .findFirst().orElseThrow();
            assertEquals(List.of("continuation", "redirect", "citation"), fromBlog.stream().map(TraceHop::kind).toList());

            Trace edited = provenance.trace("the call to knock it off was put in place and the strikes ceased");
            assertEquals(4, edited.matches().size(), edited.toString());
            assertTrue(edited.matches().stream().allMatch(m -> m.score() < 1 && m.score() > 0.9));
        }
    }
}
