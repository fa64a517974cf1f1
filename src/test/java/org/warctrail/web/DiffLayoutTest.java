package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainEdge;
import org.warctrail.provenance.ChainNode;
import org.warctrail.versions.ParagraphChange;
import org.warctrail.versions.ParagraphOp;
import org.warctrail.versions.TokenOp;
import org.warctrail.versions.TokenRun;

/** The server-side layouts: diff rows for the three views, and the chain graph's columns and edges. */
class DiffLayoutTest {

    @Test
    void rowsKeepTheNewOrderAndPutDeletionsWhereTheyStood() {
        List<String> from = List.of("A", "B killed at least 70", "C", "D");
        List<String> to = List.of("A", "B killed 62", "D", "E");
        List<ParagraphChange> changes = List.of(
                new ParagraphChange(ParagraphOp.CHANGE, from.get(1), to.get(1), 1, 1, 0.4, false, List.of(), List.of(
                        new TokenRun(TokenOp.EQUAL, "B killed", false), new TokenRun(TokenOp.DELETE, " at least 70", false),
                        new TokenRun(TokenOp.INSERT, " 62", false))),
                new ParagraphChange(ParagraphOp.DELETE, "C", null, 2, -1, 1, false, List.of(), List.of()),
                new ParagraphChange(ParagraphOp.INSERT, null, "E", -1, 3, 1, true, List.of("moved"), List.of()));
        List<DiffRows.Row> rows = DiffRows.of(from, to, changes);
        assertEquals(List.of("equal", "change", "delete", "equal", "insert"), rows.stream().map(DiffRows.Row::op).toList());
        DiffRows.Row change = rows.get(1);
        assertEquals("B killed at least 70", String.join("", change.left().stream().map(DiffRows.Run::text).toList()));
        assertEquals("B killed 62", String.join("", change.right().stream().map(DiffRows.Run::text).toList()));
        assertTrue(change.right().get(1).mark().contains("ins") && change.right().get(1).mark().contains("num"));
        assertTrue(change.left().get(1).mark().contains("del") && change.left().get(1).mark().contains("num"));
        assertEquals("D", rows.get(3).right().get(0).text());
        assertTrue(rows.get(4).minor() && rows.get(4).right().get(0).mark().contains("minor"));
        assertEquals(List.of(), rows.get(2).right());
    }

    @Test
    void chainIsLaidOutInColumnsByLinkDistance() {
        String blog = "http://blog.example/post";
        String rt = "http://rt.example/article";
        String pdf = "http://briefings.example/t.pdf";
        String gap = "http://dailyrecord.example/x";
        Chain chain = new Chain(blog, List.of(
                new ChainNode(blog, "Blog <post>", "blog.example", "2016-09-21T10:00:00Z", true, "20160921120000", "20160921120000"),
                new ChainNode(rt, "RT", "RT", "2016-09-20", true, "20160921120010", "20160921120010"),
                new ChainNode(pdf, null, "briefings.example", null, true, "20160921120020", "20160921120020"),
                ChainNode.unarchived(gap)),
                List.of(new ChainEdge(blog, rt, "continuation", "Continue this article at RT", "…", null, null),
                        new ChainEdge(rt, pdf, "citation", "transcript", null, null, null),
                        new ChainEdge(blog, gap, "image_credit", "Daily Record", null, null, null),
                        new ChainEdge(pdf, blog, "reuse", "reuses", null, null, 0.4)));
        ChainLayout.Drawing d = ChainLayout.of(chain);
        ChainLayout.Box root = d.boxes().get(0);
        assertTrue(root.root() && root.x() == ChainLayout.MARGIN);
        ChainLayout.Box rtBox = d.boxes().stream().filter(b -> b.url().equals(rt)).findFirst().orElseThrow();
        ChainLayout.Box pdfBox = d.boxes().stream().filter(b -> b.url().equals(pdf)).findFirst().orElseThrow();
        ChainLayout.Box gapBox = d.boxes().stream().filter(b -> b.url().equals(gap)).findFirst().orElseThrow();
        assertEquals(rtBox.x(), gapBox.x());
        assertTrue(pdfBox.x() > rtBox.x());
        assertTrue(!gapBox.archived() && gapBox.href() == null);
        assertEquals("/web/20160921120010/" + rt, rtBox.href());
        assertEquals("published 2016-09-21", root.date());
        assertTrue(d.width() >= pdfBox.x() + ChainLayout.NODE_WIDTH);
        ChainLayout.Line back = d.lines().stream().filter(l -> l.kind().equals("reuse")).findFirst().orElseThrow();
        assertTrue(back.back());
        assertTrue(d.lines().get(0).hover().contains("Continue this article at RT"));
    }
}
