package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.List;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.extract.Quote;

/**
 * Hand-built documents modelled on the seed case (shared/seed/seed-article.txt), with text written for the
 * tests: a blog that frames, then reposts, part of a news article and links "Continue this article at RT"
 * through a short link; the news article quoting a spokesman and citing the briefing transcript (a PDF,
 * published earlier); a syndicated copy with rel=canonical; an image credit; a site menu, share buttons, an
 * advert, and a site-wide footer.
 */
public final class SeedFixture {
    public static final String BLOG = "https://21stcenturywire.com/2016/09/20/russia-contacted-us-twice/";
    public static final String SHORT = "http://bit.ly/2cR7xQk";
    public static final String ARTICLE = "https://www.rt.com/news/360028-russia-contacted-us-strike/";
    public static final String COPY = "https://www.globalresearch.ca/russia-contacted-us-twice/5547212";
    public static final String TRANSCRIPT = "https://www.defense.gov/Portals/1/transcripts/2016-09-19-thomas-briefing.pdf";
    public static final String IMAGE_SOURCE = "http://www.dailyrecord.co.uk/news/world-news/us-airstrike-syria-8865300";
    public static final String TRANSCRIPT_INDEX = "https://www.defense.gov/News/Transcripts/";

    public static final String QUOTE_AS_BLOG_PRINTS_IT = "“the call to knock it off was put in place and the attacks ceased,”";

    public static final String SPOKESMAN_PARAGRAPH = "The officer asked to speak to the designated contact, but that person"
            + " was away from the phone. The Russians called back and the representative took the phone call. In less"
            + " than 5 minutes, “the call to knock it off was put in place and the attacks ceased,” according to Thomas.";
    public static final String SECOND_QUOTE = "“We never had struck regime targets in this conflict, we didn’t intend to at"
            + " the time and we won’t in the future. So when we heard that we may be doing that it was our obligation"
            + " to call it off immediately and that’s what they did,” Thomas said in the briefing.";
    public static final String FOOTER = "READ MORE SYRIA NEWS AT: 21st Century Wire Syria Files. Support independent media:"
            + " become a member of the 21WIRE community today and get exclusive access to our archive, our weekly"
            + " podcasts, special reports, films and documentaries from our editors and contributors around the world.";

    public static final List<String> ARTICLE_PARAGRAPHS = List.of(
            "The Russian military tried to contact its US counterparts twice to warn them they were launching"
                    + " airstrikes against Syrian government forces before they were eventually halted, a senior US"
                    + " spokesman has revealed.",
            "Col. John J. Thomas, a spokesman for US Central Command, told reporters at the Pentagon that about half an"
                    + " hour into the airstrikes, which were being undertaken by US-led coalition warplanes on September"
                    + " 17, the coalition air operations center received a call from a Russian officer.",
            SPOKESMAN_PARAGRAPH,
            "However, the damage had been done, as 62 Syrian government soldiers had been killed by the airstrikes"
                    + " near Deir ez-Zor, while a further 100 received injuries.",
            SECOND_QUOTE,
            "The Russian Defense Ministry said that the aircraft which carried out the bombings had entered Syrian"
                    + " airspace from the territory of Iraq. Four strikes against Syrian positions were performed by two"
                    + " F-16 jet fighters and two A-10 support aircraft, it added.",
            "Moscow has called an emergency meeting of the UN Security Council over the incident, and the"
                    + " ceasefire brokered by the two powers a week earlier now hangs in the balance as both sides trade"
                    + " accusations over who is to blame for the collapse of the truce.");

    public static final String ARTICLE_TEXT = String.join("\n\n", ARTICLE_PARAGRAPHS);

    public static final String BLOG_TEXT = String.join("\n\n",
            "21st Century Wire says… On Saturday some of the world witnessed an egregious event which has nudged the"
                    + " world closer to a dangerous war. That morning we learned how the coalition launched a brutal"
                    + " air attack which killed at least 70 soldiers and wounded 100 others.",
            "Washington claimed that this airstrike was a “mistake” and that it was somehow meant to target militants"
                    + " near the eastern city of Deir el-Zour. It was a sustained attack that lasted for an hour.",
            "US airstrike in Syria (Image Source: Daily Record)",
            "Make of that what you will, but claims of an “errant strike” ring hollow in the face of mounting facts to"
                    + " the contrary…",
            ARTICLE_PARAGRAPHS.get(0), ARTICLE_PARAGRAPHS.get(1), ARTICLE_PARAGRAPHS.get(2), ARTICLE_PARAGRAPHS.get(3),
            ARTICLE_PARAGRAPHS.get(4),
            "Continue this article at RT",
            FOOTER);

    public static final String COPY_TEXT = ARTICLE_TEXT + "\n\nThis article was originally published by RT.";

    // As text comes out of a PDF: hard line breaks, a word hyphenated across lines, straight quotes.
    public static final String TRANSCRIPT_TEXT = """
            Department of Defense Press Briefing by Col. Thomas via teleconference
            September 19, 2016
            COL. JOHN THOMAS: Good afternoon. I want to walk you through what we know about the strike near
            Deir ez-Zor on Saturday. About half an hour into the strikes the coalition air operations center re-
            ceived a call from a Russian officer. The officer asked to speak to the designated contact, but
            that person was away from the phone. The Russians called back, and in less than 5 minutes the call
            to knock it off was put in place and the attacks ceased.
            Q: Had the coalition struck regime targets before?
            COL. THOMAS: We never had struck regime targets in this conflict, we didn't intend to at the time
            and we won't in the future. So when we heard that we may be doing that it was our obligation to
            call it off immediately and that's what they did.
            """;

    record Doc(long id, String url, String timestamp, String title, String site, String published, String text,
               List<Link> links, List<Quote> quotes) {
    }

    static Link link(String url, String text, String context, LinkKind kind, LinkPlace place) {
        return new Link(url, text, context, kind, place);
    }

    static List<Link> menu(String home) {
        return List.of(
                link(home, "Home", "", LinkKind.NAVIGATION, LinkPlace.NAVIGATION),
                link(home + "category/syria/", "Syria Files", "", LinkKind.NAVIGATION, LinkPlace.NAVIGATION),
                link("https://www.facebook.com/sharer.php?u=" + home, "Facebook", "", LinkKind.SOCIAL, LinkPlace.SHARE_BAR),
                link("https://twitter.com/intent/tweet?url=" + home, "Twitter", "", LinkKind.SOCIAL, LinkPlace.SHARE_BAR),
                link("https://www.newdawnmagazine.com/subscribe", "Get Your Copy of New Dawn Magazine", "",
                        LinkKind.ADVERT, LinkPlace.SIDEBAR));
    }

    static Quote quote(String text, String phrase, String speaker) {
        int start = text.indexOf(phrase);
        if (start < 0) throw new IllegalStateException("phrase not in text: " + phrase);
        return new Quote(phrase, speaker, start, start + phrase.length());
    }

    static List<Doc> documents() {
        List<Doc> docs = new ArrayList<>();
        docs.add(new Doc(1, TRANSCRIPT, "20160921120020", "Department of Defense Press Briefing by Col. Thomas",
                "U.S. Department of Defense", "2016-09-19T13:00:00Z", TRANSCRIPT_TEXT, List.of(), List.of()));
        List<Link> articleLinks = new ArrayList<>(menu("https://www.rt.com/"));
        articleLinks.add(link("http://defense.gov/Portals/1/transcripts/2016-09-19-thomas-briefing.pdf",
                "told reporters at the Pentagon", ARTICLE_PARAGRAPHS.get(1), LinkKind.CITATION, LinkPlace.MAIN));
        articleLinks.add(link("https://www.centcom.mil/MEDIA/STATEMENTS/", "US Central Command",
                ARTICLE_PARAGRAPHS.get(1), LinkKind.LINK, LinkPlace.MAIN));
        docs.add(new Doc(2, ARTICLE, "20160921120010", "Russia contacted US twice to stop strike on Syrian army", "RT",
                "2016-09-19T15:00:00Z", ARTICLE_TEXT, articleLinks,
                List.of(quote(ARTICLE_TEXT, "the call to knock it off was put in place and the attacks ceased,",
                        "Col. John J. Thomas"))));
        List<Link> copyLinks = new ArrayList<>(menu("https://www.globalresearch.ca/"));
        copyLinks.add(link("http://rt.com/news/360028-russia-contacted-us-strike", "", "", LinkKind.CANONICAL, LinkPlace.HEAD));
        docs.add(new Doc(3, COPY, "20160921120030", "Russia contacted US twice to stop strike on Syrian army",
                "Global Research", "2016-09-19T18:00:00Z", COPY_TEXT, copyLinks, List.of()));
        List<Link> blogLinks = new ArrayList<>(menu("https://21stcenturywire.com/"));
        blogLinks.add(link(IMAGE_SOURCE, "Daily Record", "US airstrike in Syria (Image Source: Daily Record)",
                LinkKind.IMAGE_CREDIT, LinkPlace.CAPTION));
        blogLinks.add(link(SHORT, "Continue this article at RT", "Continue this article at RT", LinkKind.CONTINUATION,
                LinkPlace.MAIN));
        blogLinks.add(link("https://21stcenturywire.com/category/syria-files/", "21st Century Wire Syria Files",
                FOOTER, LinkKind.NAVIGATION, LinkPlace.MAIN));
        docs.add(new Doc(4, BLOG, "20160921120000", "REVEALED: Russia Contacted US Twice to Stop Coalition’s Massacre",
                "21st Century Wire", "2016-09-20T10:00:00Z", BLOG_TEXT, blogLinks,
                List.of(quote(BLOG_TEXT, "the call to knock it off was put in place and the attacks ceased,", "Thomas"))));
        return docs;
    }

    /** The fixture loaded into the in-memory implementations, reuse detected as each document arrives. */
    static final class Loaded {
        final InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        final InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        final InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        final InMemoryReuseCandidates bands = new InMemoryReuseCandidates();
        final ReuseDetector detector = new ReuseDetector(bands, corpus);
        final List<Reuse> reuse = new ArrayList<>();

        Loaded() {
            graph.addRedirect(SHORT, "20160921120005", 301, ARTICLE);
            graph.addPage(TRANSCRIPT_INDEX, "20160921120040", "Transcripts", null, null, List.of());
            for (Doc d : documents()) add(d);
        }

        void add(Doc d) {
            graph.addPage(d.url, d.timestamp, d.title, d.site, d.published, d.links);
            candidates.add(new QuoteCandidate(d.url, d.timestamp, d.published, d.title, d.text, d.quotes));
            ReuseDocument document = new ReuseDocument(d.id, d.url, d.published, d.timestamp, d.text);
            corpus.add(document);
            for (Reuse r : detector.add(document)) {
                reuse.add(r);
                String targetText = r.targetId() == d.id ? d.text
                        : corpus.document(r.targetId()).orElseThrow().text();
                graph.addReuse(r, targetText);
            }
        }

        QuoteTracer tracer() {
            return new QuoteTracer(candidates, graph);
        }
    }

    private SeedFixture() {
    }
}
