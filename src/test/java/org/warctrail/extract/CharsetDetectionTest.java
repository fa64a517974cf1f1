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

    @Test
    void utf8CheckAgreesWithTheJdkDecoder() {
        // every one- to four-byte sequence around the edges of the well-formed ranges, and random bytes
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int a : interesting) {
            for (int b : interesting) {
                for (int c : interesting) {
                    for (int d : new int[] {0x41, 0x80, 0xBF, 0xC0}) {
                        byte[] bytes = {(byte) a, (byte) b, (byte) c, (byte) d};
                        for (int length = 1; length <= 4; length++) {
                            assertEquals(jdkAccepts(bytes, length), CharsetDetection.validUtf8(bytes, length, false),
                                    java.util.HexFormat.of().formatHex(bytes, 0, length));
                        }
                    }
                }
            }
        }
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            random.nextBytes(bytes);
            assertEquals(jdkAccepts(bytes, bytes.length), CharsetDetection.validUtf8(bytes, bytes.length, false),
                    java.util.HexFormat.of().formatHex(bytes));
        }
        byte[] cut = "caf\u00e9 \u4e2d\u6587".getBytes(StandardCharsets.UTF_8);
        assertTrue(CharsetDetection.validUtf8(cut, cut.length - 1, true), "a sample cut inside its last character");
    }

    private static boolean jdkAccepts(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void thePrescanIsSkippedOnlyWhereItCouldFindNothing() {
        assertTrue(CharsetDetection.containsCharsetWord("<META CharSet=x>".getBytes(LATIN1), 16));
        assertTrue(!CharsetDetection.containsCharsetWord("<meta charse".getBytes(LATIN1), 12));
        assertTrue(!CharsetDetection.containsCharsetWord("<meta charset=x>".getBytes(LATIN1), 12), "past the sample");
        String padding = "<script>" + "var x = 1;".repeat(500) + "</script>";
        byte[] bytes = ("<html><head>" + padding + "<meta charset=\"windows-1251\"></head><body>" + RUSSIAN
                + "</body></html>").getBytes(CP1251);
        assertEquals(CP1251, CharsetDetection.fromMeta(bytes), "a declaration after a 5 KB script is still read");
        assertEquals(null, CharsetDetection.fromMeta(("<html><head>" + padding + "</head><body>" + RUSSIAN
                + "</body></html>").getBytes(CP1251)));
    }
}
