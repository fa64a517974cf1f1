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
    void filters() throws Exception {
        String u = "url=news.example&matchType=host&fl=url,status";
        assertEquals(List.of("http://news.example/dir/b 404"), lines(u + "&filter=status:4"));
        assertTrue(lines(u + "&filter=!status:200").stream().noneMatch(l -> l.endsWith(" 200")));
        assertEquals(List.of("http://news.example/latin1 200"), lines(u + "&filter=~url:latin"));
        assertEquals(List.of("http://news.example/old 301"), lines(u + "&filter==status:301"));
        assertEquals(List.of("http://news.example/article 200"),
                lines(u + "&filter=mime:warc/revisit"));
        assertEquals(List.of("http://news.example/dir/a 200"),
                lines(u + "&filter=~url:/dir/&filter=!=status:404"));
        assertEquals(List.of("http://news.example/article 200"),
                lines(u + "&filter=url:.*article&limit=1"));
    }
}
