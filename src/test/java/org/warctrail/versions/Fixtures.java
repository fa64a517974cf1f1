package org.warctrail.versions;

import java.util.ArrayList;
import java.util.List;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.extract.Quote;

/** Hand-built documents modelling a news article that is edited between captures. */
final class Fixtures {
    static final String URL = "https://news.example/2016/09/strike-deir-ez-zor";

    static final String TITLE = "Coalition strike hits Syrian army positions near Deir ez-Zor";
    static final String P1 = "An air strike by the US-led coalition hit Syrian army positions near Deir ez-Zor on "
            + "Saturday, the Syrian military said.";
    static final String P2 = "The military said at least 70 soldiers were killed and about 100 wounded in the attack, "
            + "which lasted close to an hour.";
    static final String P3 = "\u201cThe call to knock it off was put in place and the attacks ceased,\u201d a spokesman "
            + "for US Central Command told reporters at the Pentagon.";
    static final String P4 = "The Russian military said it had tried to contact its US counterparts twice before the "
            + "strikes were halted.";
    static final String P5 = "Survivors described repeated bombing runs by several aircraft over the hills east of "
            + "the city.";
    static final String QUOTE = "The call to knock it off was put in place and the attacks ceased,";

    private Fixtures() {
    }

    static Builder article() {
        return new Builder();
    }

    static Version version(String timestamp, String digest, Document d) {
        return new Version(URL, timestamp, 200, null, digest, d);
    }

    static Link link(String url, String text, LinkKind kind, LinkPlace place) {
        return new Link(url, text, "", kind, place);
    }

    /** A mutable article: start from the first capture, edit, build. */
    static final class Builder {
        String title = TITLE;
        List<String> paragraphs = new ArrayList<>(List.of(P1, P2, P3, P4, P5));
        List<String> authors = new ArrayList<>(List.of("Jane Reporter"));
        String published = "2016-09-18T10:00:00Z";
        String modified = "2016-09-18T10:00:00Z";
        List<Link> links = new ArrayList<>(List.of(
                link("https://www.centcom.mil/briefing", "briefing", LinkKind.CITATION, LinkPlace.MAIN),
                link("https://news.example/", "Home", LinkKind.NAVIGATION, LinkPlace.NAVIGATION)));
        List<String> quotes = new ArrayList<>(List.of(QUOTE));

        Builder title(String t) {
            title = t;
            return this;
        }

        Builder replace(String old, String now) {
            int i = paragraphs.indexOf(old);
            if (i < 0) throw new IllegalArgumentException("no such paragraph: " + old);
            paragraphs.set(i, now);
            return this;
        }

        Builder remove(String old) {
            paragraphs.remove(old);
            return this;
        }

        Builder append(String p) {
            paragraphs.add(p);
            return this;
        }

        Builder addLink(Link l) {
            links.add(l);
            return this;
        }

        Builder modified(String m) {
            modified = m;
            return this;
        }

        Builder withoutQuote(String q) {
            quotes.remove(q);
            return this;
        }

        Document build() {
            String text = String.join("\n\n", paragraphs);
            List<Quote> qs = new ArrayList<>();
            for (String q : quotes) {
                int at = text.indexOf(q);
                if (at >= 0) qs.add(new Quote(q, "a spokesman for US Central Command", at, at + q.length()));
            }
            return new Document(URL, "text/html", title, text, published, modified, authors, "en", URL,
                    "News Example", "About the strike", links, qs, null);
        }
    }
}
