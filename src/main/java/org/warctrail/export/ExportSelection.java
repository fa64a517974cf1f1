package org.warctrail.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.IndexDocuments;

/**
 * The captures an export of some pages takes: every capture of each page, what it needs to replay (the responses
 * its revisits stand for, its redirect targets, its requisites and theirs, each at the capture nearest the
 * page's time) and the pages it lists. Holds only the chosen rows, so it grows with the selection, not the store.
 */
final class ExportSelection {
    /** Nesting followed for requisites: a page, its iframe or stylesheet, and what those load. */
    private static final int MAX_REQUISITE_DEPTH = 3;
    private static final int MAX_REDIRECTS = 10;

    private final CaptureLookup index;
    private final Optional<IndexDocuments> documents;
    private final Function<CaptureRow, Collection<String>> requisiteFinder;
    private final Map<Long, CaptureRow> rows = new LinkedHashMap<>();
    private final Map<String, WaczPage> pages = new LinkedHashMap<>();
    private final List<String> notArchived = new ArrayList<>();

    /** A capture still to look at, with how it was reached. */
    private record Pending(CaptureRow row, boolean page, int depth, int redirects) {
    }

    ExportSelection(CaptureLookup index, Optional<IndexDocuments> documents,
                    Function<CaptureRow, Collection<String>> requisiteFinder) {
        this.index = index;
        this.documents = documents;
        this.requisiteFinder = requisiteFinder;
    }

    /** Adds every capture of each URL as a page, with what it needs. */
    void addPages(Collection<String> urls) {
        Deque<Pending> work = new ArrayDeque<>();
        for (String url : new LinkedHashSet<>(urls)) {
            List<CaptureRow> captures = index.captures(url);
            if (captures.isEmpty()) notArchived.add(url);
            for (CaptureRow row : captures) work.add(new Pending(row, true, 0, 0));
        }
        while (!work.isEmpty()) {
            Pending p = work.poll();
            CaptureRow row = p.row();
            if (rows.containsKey(row.id())) {
                if (p.page()) addPage(row, content(row));
                continue;
            }
            rows.put(row.id(), row);
            CaptureRow content = content(row);
            if (content.id() != row.id()) rows.putIfAbsent(content.id(), content);
            if (p.page()) addPage(row, content);
            if (row.redirect() != null && row.status() >= 300 && row.status() < 400 && p.redirects() < MAX_REDIRECTS) {
                index.closest(row.redirect(), row.timestamp())
                        .ifPresent(target -> work.add(new Pending(target, p.page(), p.depth(), p.redirects() + 1)));
            }
            if (p.depth() < MAX_REQUISITE_DEPTH && (isHtml(content) || isCss(content))) {
                for (String url : requisites(content)) {
                    if (!isWebUrl(url)) continue;
                    index.closest(url, row.timestamp())
                            .ifPresent(r -> work.add(new Pending(r, false, p.depth() + 1, 0)));
                }
            }
        }
    }

    /** The chosen captures, in the order they were reached. */
    Collection<CaptureRow> rows() {
        return rows.values();
    }

    List<WaczPage> pages() {
        return List.copyOf(pages.values());
    }

    List<String> notArchived() {
        return List.copyOf(notArchived);
    }

    /** The response a revisit stands for, or the row itself. */
    private CaptureRow content(CaptureRow row) {
        if (!row.revisit()) return row;
        return index.resolveRevisit(row).orElse(row);
    }

    private void addPage(CaptureRow row, CaptureRow content) {
        if (!isHtml(content) && !isHtml(row)) return;
        if (row.status() != 0 && (row.status() < 200 || row.status() >= 300)) return;
        String title = documents.flatMap(d -> d.title(row.id()))
                .or(() -> documents.flatMap(d -> d.title(content.id())))
                .orElse(null);
        pages.putIfAbsent(row.timestamp() + " " + row.url(), new WaczPage(row.url(), row.timestamp(), title));
    }

    private Collection<String> requisites(CaptureRow content) {
        List<String> fromLinks = documents.map(d -> d.requisites(content.id())).orElse(List.of());
        if (!fromLinks.isEmpty() || requisiteFinder == null) return fromLinks;
        Collection<String> found = requisiteFinder.apply(content);
        return found == null ? List.of() : found;
    }

    private static boolean isWebUrl(String url) {
        String u = url.regionMatches(true, 0, "http", 0, 4) ? url.toLowerCase(Locale.ROOT) : "";
        return u.startsWith("http://") || u.startsWith("https://");
    }

    static boolean isHtml(CaptureRow row) {
        String mime = mime(row);
        return mime.equals("text/html") || mime.equals("application/xhtml+xml");
    }

    static boolean isCss(CaptureRow row) {
        return mime(row).equals("text/css");
    }

    private static String mime(CaptureRow row) {
        if (row.mime() == null) return "";
        String m = row.mime();
        int semi = m.indexOf(';');
        return (semi < 0 ? m : m.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
