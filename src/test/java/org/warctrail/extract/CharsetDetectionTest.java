package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectionTest {
    static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    static final Charset CP1251 = Charset.forName("windows-1251");
    static final String FRENCH = "<p>Les élèves ont déjà vu la forêt près du château. Où est le garçon? "
            + "Il a répondu qu’il préférait l’été à l’hiver, même si la crème brûlée était très appréciée.</p>";
    static final String RUSSIAN = "<p>Министерство обороны России заявило, что самолёты, которые нанесли удары, "
            + "вошли в воздушное пространство Сирии с территории Ирака. Четыре удара были нанесены по позициям "
            + "сирийской армии двумя истребителями F-16 и двумя штурмовиками A-10.</p>";

    private static Document html(String contentType, String markup, Charset cs) {
        return new Extractor().extract("https://example.org/page", contentType, markup.getBytes(cs));
    }

    @Test
    void latin1FromHeader() {
        Document d = html("text/html; charset=ISO-8859-1", "<html><body>" + FRENCH + "</body></html>", LATIN1);
        assertTrue(d.text().contains("Les élèves ont déjà vu la forêt près du château"), d.text());
    }

    @Test
    void latin1FromMetaCharset() {
        Document d = html("text/html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body>" + FRENCH + "</body></html>", LATIN1);
        assertTrue(d.text().contains("garçon"), d.text());
    }

    @Test
    void latin1Undeclared() {
        Document d = html("text/html", "<html><body>" + FRENCH + FRENCH + "</body></html>", LATIN1);
        assertTrue(d.text().contains("crème brûlée était très appréciée"), d.text());
    }

    @Test
    void windows1251FromMeta() {
        Document d = html("text/html", "<html><head><meta charset=\"windows-1251\"></head><body>" + RUSSIAN + "</body></html>", CP1251);
        assertTrue(d.text().contains("Министерство обороны России заявило"), d.text());
    }

    @Test
    void windows1251Undeclared() {
        Document d = html(null, "<html><body>" + RUSSIAN + RUSSIAN + "</body></html>", CP1251);
        assertTrue(d.text().contains("воздушное пространство Сирии"), d.text());
        assertEquals("ru", d.lang(), "guessed from the text when the page declares none");
    }

    @Test
    void bomBeatsAWrongHeader() {
        byte[] body = ("<p>" + "Zürich café" + "</p>").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(StandardCharsets.UTF_8, CharsetDetection.detect(withBom, "text/html; charset=iso-8859-1", true));
        assertEquals("<p>Zürich café</p>", CharsetDetection.decode(withBom, "text/html; charset=iso-8859-1", true));
    }

    @Test
    void declaredUtf8ThatIsNotUtf8IsDetected() {
        byte[] bytes = ("<html><body>" + FRENCH + FRENCH + "</body></html>").getBytes(LATIN1);
        Charset cs = CharsetDetection.detect(bytes, "text/html; charset=utf-8", true);
        assertTrue(new String(bytes, cs).contains("élèves"), cs.name());
    }

    @Test
    void metaCharsetAfterLongHead() {
        String padding = "<!-- " + "x".repeat(500) + " -->";
        byte[] bytes = ("<html><head>" + padding + "<meta charset=\"windows-1251\"></head><body>" + RUSSIAN + "</body></html>").getBytes(CP1251);
        assertEquals(CP1251, CharsetDetection.detect(bytes, null, true));
    }
}
