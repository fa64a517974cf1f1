package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MementoTest extends ServerTestBase {
    private static final String A = ArchiveFixture.ARTICLE;

    /** One link of a link-format document or Link header: its URI and its parameters. */
    record LinkValue(String uri, Map<String, String> params) {
        String rel() {
            return params.get("rel");
        }
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[a-zA-Z-]+=\"[^\"]*\")*)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([a-zA-Z-]+)=\"([^\"]*)\"");

    static List<LinkValue> parseLinks(String text) {
        List<LinkValue> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            Map<String, String> params = new LinkedHashMap<>();
            Matcher p = PARAM.matcher(m.group(2));
            while (p.find()) params.put(p.group(1), p.group(2));
            links.add(new LinkValue(m.group(1), params));
        }
        return links;
    }

    private static LinkValue byRel(List<LinkValue> links, String rel) {
        return links.stream().filter(l -> l.rel().equals(rel)).findFirst()
                .orElseThrow(() -> new AssertionError("no rel=\"" + rel + "\" in " + links));
    }

    @Test
    void timeGateRedirectsToTheMementoNearestAcceptDatetime() throws Exception {
        HttpResponse<byte[]> r = get("/web/" + A, "Accept-Datetime", "Thu, 15 Feb 2024 00:00:00 GMT");
        assertEquals(302, r.statusCode());
        assertEquals(base() + "/web/" + ArchiveFixture.T2 + "/" + A, header(r, "Location"));
        assertEquals("accept-datetime", header(r, "Vary"));
        List<LinkValue> links = parseLinks(header(r, "Link"));
        assertEquals(A, byRel(links, "original").uri());
        assertEquals(base() + "/web/timemap/link/" + A, byRel(links, "timemap").uri());
        assertEquals("application/link-format", byRel(links, "timemap").params().get("type"));

        HttpResponse<byte[]> latest = get("/web/" + A);
        assertEquals(base() + "/web/" + ArchiveFixture.T3 + "/" + A, header(latest, "Location"));
        HttpResponse<byte[]> early = get("/web/" + A, "Accept-Datetime", "Sat, 01 Jan 2000 00:00:00 GMT");
        assertEquals(base() + "/web/" + ArchiveFixture.T1 + "/" + A, header(early, "Location"));
        assertEquals(400, get("/web/" + A, "Accept-Datetime", "yesterday").statusCode());
    }

    @Test
    void linkTimeMapListsEveryMementoWithFirstAndLast() throws Exception {
        HttpResponse<byte[]> r = get("/web/timemap/link/" + A);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("application/link-format"));
        List<LinkValue> links = parseLinks(text(r));
        assertEquals(A, byRel(links, "original").uri());
        assertEquals(base() + "/web/" + A, byRel(links, "timegate").uri());
        LinkValue self = byRel(links, "self");
        assertEquals(base() + "/web/timemap/link/" + A, self.uri());
        assertEquals("Mon, 01 Jan 2024 12:00:00 GMT", self.params().get("from"));
        assertEquals("Sat, 01 Jun 2024 12:00:00 GMT", self.params().get("until"));
        List<LinkValue> mementos = links.stream().filter(l -> l.rel().endsWith("memento")).toList();
        assertEquals(3, mementos.size());
        assertEquals("first memento", mementos.get(0).rel());
        assertEquals("memento", mementos.get(1).rel());
        assertEquals("last memento", mementos.get(2).rel());
        assertEquals(base() + "/web/" + ArchiveFixture.T2 + "/" + A, mementos.get(1).uri());
        assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", mementos.get(1).params().get("datetime"));
    }

    @Test
    void singleMementoIsFirstAndLast() throws Exception {
        List<LinkValue> links = parseLinks(text(get("/web/timemap/link/http://news.example/old")));
        assertEquals("first last memento", links.get(links.size() - 1).rel());
    }

    @Test
    void jsonTimeMap() throws Exception {
        HttpResponse<byte[]> r = get("/web/timemap/json/" + A);
        assertEquals(200, r.statusCode());
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals(A, json.get("original_uri").asText());
        assertEquals(base() + "/web/" + A, json.get("timegate_uri").asText());
        assertEquals(3, json.at("/mementos/list").size());
        assertEquals("2024-01-01T12:00:00Z", json.at("/mementos/first/datetime").asText());
        assertEquals(base() + "/web/" + ArchiveFixture.T3 + "/" + A, json.at("/mementos/last/uri").asText());
        assertEquals(404, get("/web/timemap/json/http://nowhere.example/").statusCode());
    }

    @Test
    void everyMementoResponseCarriesMementoHeaders() throws Exception {
        for (String mode : List.of("", "mp_", "id_")) {
            HttpResponse<byte[]> r = get("/web/" + ArchiveFixture.T2 + mode + "/" + A);
            assertEquals(200, r.statusCode(), mode);
            assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", header(r, "Memento-Datetime"), mode);
            String link = header(r, "Link");
            assertNotNull(link, mode);
            List<LinkValue> links = parseLinks(link);
            assertEquals(A, byRel(links, "original").uri());
            assertEquals(base() + "/web/" + A, byRel(links, "timegate").uri());
            assertEquals(base() + "/web/timemap/link/" + A, byRel(links, "timemap").uri());
            // T1 is both first and prev; T3 both next and last.
            LinkValue first = byRel(links, "first prev memento");
            assertEquals(base() + "/web/" + ArchiveFixture.T1 + "/" + A, first.uri());
            assertEquals("Mon, 01 Jan 2024 12:00:00 GMT", first.params().get("datetime"));
            assertEquals(base() + "/web/" + ArchiveFixture.T3 + "/" + A, byRel(links, "next last memento").uri());
        }
    }
}
