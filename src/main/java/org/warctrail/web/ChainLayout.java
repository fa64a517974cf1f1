package org.warctrail.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainEdge;
import org.warctrail.provenance.ChainNode;

/**
 * Server-side layout of a provenance chain as an SVG: pages in columns by their link distance from the root
 * (the root on the left, its sources to the right), stacked in each column in the order the walk met them;
 * edges from the right side of a page to the left side of the page it cites, labelled by kind.
 */
public final class ChainLayout {
    static final int NODE_WIDTH = 250;
    static final int NODE_HEIGHT = 62;
    static final int COLUMN_GAP = 110;
    static final int ROW_GAP = 22;
    static final int MARGIN = 16;

    /** A page drawn at (x, y): its lines of text, and where clicking it goes. */
    public record Box(String url, String title, String site, String date, boolean archived, boolean root, int x,
                      int y, String href) {
        public int width() {
            return NODE_WIDTH;
        }

        public int height() {
            return NODE_HEIGHT;
        }
    }

    /** An edge drawn from (x1, y1) to (x2, y2), its kind written at (lx, ly); hover shows the anchor text. */
    public record Line(String from, String to, String kind, String hover, int x1, int y1, int x2, int y2, int lx,
                       int ly, boolean back) {
        public String path() {
            if (!back) return "M" + x1 + "," + y1 + " C" + (x1 + 50) + "," + y1 + " " + (x2 - 50) + "," + y2 + " " + x2 + "," + y2;
            int bend = Math.max(y1, y2) + NODE_HEIGHT; // edges to an earlier column bend below the boxes
            return "M" + x1 + "," + y1 + " C" + (x1 + 60) + "," + bend + " " + (x2 - 60) + "," + bend + " " + x2 + "," + y2;
        }
    }

    public record Drawing(int width, int height, List<Box> boxes, List<Line> lines) {
    }

    private ChainLayout() {
    }

    public static Drawing of(Chain chain) {
        Map<String, ChainNode> nodes = new LinkedHashMap<>();
        chain.nodes().forEach(n -> nodes.putIfAbsent(n.url(), n));
        Map<String, List<ChainEdge>> out = new HashMap<>();
        for (ChainEdge e : chain.edges()) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        // Depth: breadth-first link distance from the root; pages the walk reached otherwise go one column right.
        Map<String, Integer> depth = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        depth.put(chain.root(), 0);
        queue.add(chain.root());
        while (!queue.isEmpty()) {
            String u = queue.poll();
            for (ChainEdge e : out.getOrDefault(u, List.of())) {
                if (!depth.containsKey(e.to())) {
                    depth.put(e.to(), depth.get(u) + 1);
                    queue.add(e.to());
                }
            }
        }
        int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (String u : nodes.keySet()) depth.putIfAbsent(u, maxDepth + 1);
        Map<Integer, Integer> rowsUsed = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(depth.keySet());
        for (String u : order) {
            int col = depth.get(u);
            int row = rowsUsed.merge(col, 1, Integer::sum) - 1;
            ChainNode n = nodes.getOrDefault(u, ChainNode.unarchived(u));
            int x = MARGIN + col * (NODE_WIDTH + COLUMN_GAP);
            int y = MARGIN + row * (NODE_HEIGHT + ROW_GAP);
            String date = n.dead() ? "captured: " + n.lastStatus() + ", " + CaptureTime.display(n.lastAttempt()).substring(0, 10)
                    : n.published() != null ? "published " + day(n.published())
                    : n.lastCapture() != null ? "captured " + CaptureTime.display(n.lastCapture()).substring(0, 10) : null;
            String href = n.archived() && n.lastCapture() != null
                    ? ArchiveUrls.replay(n.lastCapture(), ReplayMode.FRAME, n.url()) : null;
            boxes.put(u, new Box(u, shorten(n.title() != null && !n.title().isBlank() ? n.title() : u, 33),
                    shorten(n.site() != null ? n.site() : "", 38), date, n.archived(), u.equals(chain.root()), x, y, href));
        }
        List<Line> lines = new ArrayList<>();
        for (ChainEdge e : chain.edges()) {
            Box a = boxes.get(e.from());
            Box b = boxes.get(e.to());
            if (a == null || b == null) continue;
            boolean back = b.x() <= a.x();
            int x1 = a.x() + NODE_WIDTH;
            int y1 = a.y() + NODE_HEIGHT / 2;
            int x2 = b.x();
            int y2 = b.y() + NODE_HEIGHT / 2;
            String hover = e.kind() + ": " + (e.text() == null || e.text().isBlank() ? "(no anchor text)" : "“" + e.text() + "”")
                    + (e.context() != null && !e.context().isBlank() ? "\n" + e.context() : "")
                    + (e.status() != null ? "\nHTTP " + e.status() : "");
            lines.add(new Line(e.from(), e.to(), e.kind(), hover, x1, y1, x2, y2, (x1 + x2) / 2, (y1 + y2) / 2 - 4, back));
        }
        int columns = rowsUsed.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int rows = rowsUsed.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return new Drawing(2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
                2 * MARGIN + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP + NODE_HEIGHT, List.copyOf(boxes.values()), lines);
    }

    /** The day of an ISO 8601 date or date-time. */
    static String day(String iso) {
        return iso.length() > 10 ? iso.substring(0, 10) : iso;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
