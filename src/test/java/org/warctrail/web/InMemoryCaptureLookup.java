package org.warctrail.web;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.jsoup.internal.StringUtil;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.RecordType;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.MatchType;
import org.warctrail.index.StoreStats;
import org.warctrail.index.UrlSummary;
import org.warctrail.store.WarcStore;

/** A CaptureLookup over a store's WARC files, built by reading them (real records, real offsets); for tests. */
final class InMemoryCaptureLookup implements CaptureLookup {
    private final List<CaptureRow> rows = new ArrayList<>();
    private final long files;
    private final long bytes;

    InMemoryCaptureLookup(WarcStore store) throws IOException {
        List<Path> paths = store.files();
        long total = 0;
        for (Path path : paths) {
            total += Files.size(path);
            index(store, path);
        }
        files = paths.size();
        bytes = total;
        rows.sort(Comparator.comparing(CaptureRow::surt).thenComparing(CaptureRow::timestamp)
                .thenComparingLong(CaptureRow::id));
    }

    private void index(WarcStore store, Path path) throws IOException {
        String file = store.nameOf(path);
        long size = Files.size(path);
        List<long[]> spans = new ArrayList<>();
        List<CaptureRow> partial = new ArrayList<>();
        try (WarcReader reader = new WarcReader(FileChannel.open(path))) {
            for (WarcRecord record : reader) {
                long offset = reader.position();
                spans.add(new long[]{offset});
                if (record instanceof WarcResponse || record instanceof WarcRevisit || record instanceof WarcResource) {
                    partial.add(row((WarcCaptureRecord) record, file, offset));
                } else {
                    partial.add(null);
                }
            }
        }
        for (int i = 0; i < partial.size(); i++) {
            CaptureRow r = partial.get(i);
            if (r == null) continue;
            long end = i + 1 < spans.size() ? spans.get(i + 1)[0] : size;
            rows.add(new CaptureRow(rows.size() + 1, r.surt(), r.timestamp(), r.url(), r.status(), r.mime(),
                    r.digest(), r.recordType(), r.offset(), end - r.offset(), file, r.recordId(), r.redirect(),
                    r.refersToUrl(), r.refersToTimestamp()));
        }
    }

    private static CaptureRow row(WarcCaptureRecord record, String file, long offset) throws IOException {
        String url = record.target();
        int status = 0;
        String mime = null;
        String redirect = null;
        String refersToUrl = null;
        String refersToTs = null;
        if (record instanceof WarcResponse || record instanceof WarcRevisit) {
            HttpResponse http = record instanceof WarcResponse r ? r.http() : ((WarcRevisit) record).http();
            status = http.status();
            mime = http.headers().first("Content-Type").map(v -> v.split(";")[0].trim()).orElse(null);
            if (status >= 300 && status < 400) {
                redirect = http.headers().first("Location").map(l -> StringUtil.resolve(url, l)).orElse(null);
            }
        } else {
            mime = record.contentType().base().toString();
            status = 200;
        }
        if (record instanceof WarcRevisit revisit) {
            refersToUrl = revisit.refersToTargetURI().map(Object::toString).orElse(null);
            refersToTs = revisit.refersToDate().map(CaptureTime::of).orElse(null);
        }
        String digest = record.headers().first("WARC-Payload-Digest").map(d -> d.replaceFirst("^sha1:", "")).orElse(null);
        return new CaptureRow(0, URIs.toNormalizedSurt(url), CaptureTime.of(record.date()), url, status, mime, digest,
                RecordType.of(record.type()), offset, 0, file, record.id().toString(), redirect, refersToUrl, refersToTs);
    }

    @Override
    public List<CaptureRow> captures(String url) {
        String surt = URIs.toNormalizedSurt(url);
        return rows.stream().filter(r -> r.surt().equals(surt)).toList();
    }

    @Override
    public Optional<CaptureRow> closest(String url, String timestamp) {
        return Optional.ofNullable(CaptureChoice.nearest(captures(url), timestamp));
    }

    @Override
    public Optional<CaptureRow> resolveRevisit(CaptureRow row) {
        if (!row.revisit()) return Optional.of(row);
        if (row.refersToUrl() != null && row.refersToTimestamp() != null) {
            Optional<CaptureRow> exact = captures(row.refersToUrl()).stream()
                    .filter(r -> r.timestamp().equals(row.refersToTimestamp()) && !r.revisit())
                    .findFirst();
            if (exact.isPresent()) return exact;
        }
        return captures(row.url()).stream()
                .filter(r -> !r.revisit() && r.timestamp().compareTo(row.timestamp()) <= 0
                        && r.digest() != null && r.digest().equals(row.digest()))
                .reduce((a, b) -> b);
    }

    @Override
    public List<UrlSummary> urls(int offset, int limit, boolean documentsOnly) {
        Map<String, List<CaptureRow>> bySurt = new LinkedHashMap<>();
        rows.forEach(r -> bySurt.computeIfAbsent(r.surt(), k -> new ArrayList<>()).add(r));
        return bySurt.values().stream().filter(list -> !documentsOnly || list.stream().anyMatch(InMemoryCaptureLookup::document))
                .map(list -> {
            CaptureRow first = list.get(0);
            CaptureRow last = list.get(list.size() - 1);
            return new UrlSummary(last.url(), last.surt(), list.size(), first.timestamp(), last.timestamp(),
                    last.status(), last.mime(), null);
        }).sorted(Comparator.comparing(UrlSummary::lastTimestamp).reversed().thenComparing(UrlSummary::surt))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long urlCount(boolean documentsOnly) {
        return urls(0, Integer.MAX_VALUE, documentsOnly).size();
    }

    private static boolean document(CaptureRow r) {
        return r.status() >= 200 && r.status() < 300
                && ("text/html".equals(r.mime()) || "application/pdf".equals(r.mime()));
    }

    @Override
    public void cdx(CdxQuery query, Consumer<CaptureRow> out) {
        Stream<CaptureRow> s = rows.stream().filter(r -> matches(query, r));
        if (query.from() != null) s = s.filter(r -> r.timestamp().compareTo(pad(query.from(), '0')) >= 0);
        if (query.to() != null) s = s.filter(r -> r.timestamp().compareTo(pad(query.to(), '9')) <= 0);
        List<CaptureRow> list = new ArrayList<>(s.toList());
        if (query.reverse()) list.sort(Comparator.comparing(CaptureRow::timestamp).reversed());
        if (query.limit() > 0 && list.size() > query.limit()) list = list.subList(0, query.limit());
        list.forEach(out);
    }

    private static String pad(String ts, char c) {
        return ts + String.valueOf(c).repeat(14 - ts.length());
    }

    private static boolean matches(CdxQuery q, CaptureRow r) {
        if (q.url() == null || q.url().isEmpty()) return true;
        String surt = URIs.toNormalizedSurt(q.url().contains("://") ? q.url() : "http://" + q.url());
        String host = surt.substring(0, surt.indexOf(')'));
        MatchType m = q.matchType() == null ? MatchType.EXACT : q.matchType();
        return switch (m) {
            case EXACT -> r.surt().equals(surt);
            case PREFIX -> r.surt().startsWith(surt);
            case HOST -> r.surt().startsWith(host + ")");
            case DOMAIN -> r.surt().startsWith(host + ")") || r.surt().startsWith(host + ",");
        };
    }

    @Override
    public StoreStats stats() {
        return new StoreStats(rows.size(), urlCount(), 0, files, bytes);
    }
}
