package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CdxApiTest extends ServerTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> lines(String query) throws Exception {
        HttpResponse<byte[]> r = get("/cdx?" + query);
        assertEquals(200, r.statusCode(), text(r));
        String body = text(r);
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    private static List<JsonNode> json(String query) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines(query + "&output=json")) out.add(MAPPER.readTree(line));
        return out;
    }

    @Test
    void exactMatchAsCdx11Text() throws Exception {
        List<String> rows = lines("url=http://news.example/article");
        assertEquals(3, rows.size());
        String[] f = rows.get(0).split(" ");
        assertEquals(11, f.length);
        assertEquals("example,news)/article", f[0]);
        assertEquals(ArchiveFixture.T1, f[1]);
        assertEquals("http://news.example/article", f[2]);
        assertEquals("text/html", f[3]);
        assertEquals("200", f[4]);
        assertTrue(f[10].endsWith(".warc.gz"));
        assertEquals("warc/revisit", rows.get(1).split(" ")[3]);
    }

    @Test
    void jsonLinesWithDefaultAndChosenFields() throws Exception {
        List<JsonNode> rows = json("url=news.example/article");
        assertEquals(3, rows.size());
        JsonNode first = rows.get(0);
        for (String k : List.of("urlkey", "timestamp", "url", "mime", "status", "digest", "length", "offset", "filename")) {
            assertTrue(first.has(k), k + " in " + first);
        }
        List<JsonNode> chosen = json("url=news.example/article&fl=timestamp,statuscode,mimetype");
        assertEquals(List.of("timestamp", "status", "mime"), fieldNames(chosen.get(0)));
        assertEquals(ArchiveFixture.T3, lines("url=news.example/article&fl=timestamp").get(2));
        assertEquals(400, get("/cdx?url=news.example/article&fl=nosuchfield").statusCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void matchTypes() throws Exception {
        assertEquals(List.of("http://news.example/dir/a", "http://news.example/dir/b"),
                lines("url=http://news.example/dir/&matchType=prefix&fl=url"));
        assertEquals(List.of("http://news.example/dir/a", "http://news.example/dir/b"),
                lines("url=news.example/dir/*&fl=url"));
        List<String> host = lines("url=news.example&matchType=host&fl=url");
        assertTrue(host.size() > 5 && host.stream().noneMatch(u -> u.contains("sub.")), host.toString());
        List<String> domain = lines("url=news.example&matchType=domain&fl=url");
        assertEquals(host.size() + 1, domain.size());
        assertTrue(domain.contains("http://sub.news.example/x"));
        assertEquals(domain, lines("url=*.news.example&fl=url"));
        assertEquals(400, get("/cdx?url=news.example&matchType=nearby").statusCode());
        assertEquals(400, get("/cdx").statusCode());
    }

    @Test
    void fromToAndLimit() throws Exception {
        String u = "url=news.example/article&fl=timestamp";
        assertEquals(List.of(ArchiveFixture.T2, ArchiveFixture.T3), lines(u + "&from=202402"));
        assertEquals(List.of(ArchiveFixture.T1, ArchiveFixture.T2), lines(u + "&to=202403"));
        assertEquals(List.of(ArchiveFixture.T2), lines(u + "&from=2024020&to=20240401"));
        assertEquals(List.of(ArchiveFixture.T1), lines(u + "&limit=1"));
        assertEquals(List.of(ArchiveFixture.T2, ArchiveFixture.T3), lines(u + "&limit=-2"));
        assertEquals(400, get("/cdx?" + u + "&from=2024-01").statusCode());
    }

    @Test
    void sortReverseAndClosest() throws Exception {
        String u = "url=news.example/article&fl=timestamp";
        assertEquals(List.of(ArchiveFixture.T3, ArchiveFixture.T2, ArchiveFixture.T1), lines(u + "&sort=reverse"));
        assertEquals(List.of(ArchiveFixture.T3, ArchiveFixture.T2, ArchiveFixture.T1),
                lines(u + "&sort=closest&closest=20240520"));
        assertEquals(List.of(ArchiveFixture.T2), lines(u + "&sort=closest&closest=20240215&limit=1"));
        assertEquals(400, get("/cdx?" + u + "&sort=closest").statusCode());
    }

    @Test
    void filtersAsPywb2ReadsThem() throws Exception {
        String u = "url=news.example&matchType=host&fl=url,status";
        // no modifier: contains; '=': equals; '~': regex from the start of the value
        assertEquals(List.of("http://news.example/dir/b 404"), lines(u + "&filter=~status:4"));
        assertTrue(lines(u + "&filter=!status:200").stream().noneMatch(l -> l.endsWith(" 200")));
        assertEquals(List.of("http://news.example/latin1 200"), lines(u + "&filter=url:latin"));
        assertEquals(List.of(), lines(u + "&filter=~url:latin"));
        assertEquals(List.of("http://news.example/old 301"), lines(u + "&filter==status:301"));
        assertEquals(List.of("http://news.example/article 200"),
                lines(u + "&filter=mime:warc/revisit"));
        assertEquals(List.of("http://news.example/dir/a 200"),
                lines(u + "&filter=url:/dir/&filter=!=status:404"));
        assertEquals(List.of("http://news.example/article 200"),
                lines(u + "&filter=~url:.*article&limit=1"));
        // no field: the whole CDXJ line
        assertEquals(List.of("http://news.example/old 301"), lines(u + "&filter=news.example/old"));
        assertEquals(400, get("/cdx?" + u + "&filter=~url:(a)%5C1").statusCode(), "RE2 has no backreferences");
    }

    @Test
    @Timeout(20)
    void aCatastrophicRegexRunsInLinearTime() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = get("/cdx?url=news.example&matchType=domain&filter=~url:((.*)*)*X");
        assertEquals(200, r.statusCode());
        assertEquals("", text(r));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "ReDoS filter took " + (System.nanoTime() - t0) / 1e6 + " ms");
        assertEquals(200, get("/cdx?url=news.example&matchType=domain&filter=url:((.*)*)*X").statusCode());
    }

    @Test
    void cdxjOutputIsPywbsLines() throws Exception {
        HttpResponse<byte[]> r = get("/cdx?url=news.example/article&output=cdxj");
        assertEquals("text/x-cdxj; charset=utf-8", header(r, "Content-Type"));
        List<String> rows = Arrays.asList(text(r).split("\n"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).matches("example,news\\)/article " + ArchiveFixture.T1 + " \\{\"url\": "
                + "\"http://news.example/article\", \"mime\": \"text/html\", \"status\": \"200\", \"digest\": \"[A-Z2-7]{32}\", "
                + "\"length\": \"\\d+\", \"offset\": \"\\d+\", \"filename\": \"[^\"]+\\.warc\\.gz\"}"), rows.get(0));
        assertTrue(rows.get(1).contains("\"mime\": \"warc/revisit\""), rows.get(1));
        // fields= (pywb 2.x's name) and fl= (its old one) choose the JSON part; key and timestamp always lead
        String chosen = "example,news)/article " + ArchiveFixture.T1 + " {\"url\": \"http://news.example/article\", \"status\": \"200\"}";
        assertEquals(chosen, lines("url=news.example/article&output=cdxj&fields=url,status").get(0));
        assertEquals(chosen, lines("url=news.example/article&output=cdxj&fl=url,status").get(0));
        assertEquals(List.of(ArchiveFixture.T1 + " 200"), lines("url=news.example/article&fields=timestamp,status&limit=1"));
        assertEquals(400, get("/cdx?url=news.example&output=xml").statusCode());
    }

    @Test
    void linkOutputIsATimeMap() throws Exception {
        HttpResponse<byte[]> r = get("/cdx?url=news.example/article&output=link");
        assertEquals("application/link-format; charset=utf-8", header(r, "Content-Type"));
        assertEquals("""
                <http://news.example/article>; rel="memento"; datetime="Mon, 01 Jan 2024 12:00:00 GMT",
                <http://news.example/article>; rel="memento"; datetime="Fri, 01 Mar 2024 12:00:00 GMT",
                <http://news.example/article>; rel="memento"; datetime="Sat, 01 Jun 2024 12:00:00 GMT"
                """, text(r));
        assertEquals("", text(get("/cdx?url=nothing.example/&output=link")));
    }
}
