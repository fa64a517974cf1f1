package org.warctrail.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds quotations in the main text: spans in straight or curly double quotes, „German“ quotes and
 * «guillemets», and blockquote paragraphs, with their speaker when the text states one (see {@link Speakers}).
 * A quotation needs at least {@value #MIN_WORDS} words: shorter ones are mostly scare quotes (“mistake”,
 * “errant strike”) or titles, not statements someone made. A curly quote left open runs to the end of its
 * paragraph, the convention for a quotation that goes on over several paragraphs.
 */
final class QuoteFinder {
    /** Fewest words a quotation must have. */
    public static final int MIN_WORDS = 4;
    /** A blockquote signed at its end: "... — Winston Churchill". */
    private static final java.util.regex.Pattern SIGNATURE =
            java.util.regex.Pattern.compile("\\s[—–-]\\s*(\\p{Lu}[\\p{L}.'’\\- ]{1,60})\\W*$");

    private record Span(int start, int end, boolean closed) {
    }

    public QuoteFinder() {
    }

    /**
     * @param paragraphs  the paragraphs of the text, which {@link Document#text()} joins with "\n\n"
     * @param blockquotes which paragraphs are blockquotes (whole-paragraph quotations)
     * @return the quotations, offsets into the joined text
     */
    public List<Quote> find(List<String> paragraphs, BitSet blockquotes) {
        List<Quote> out = new ArrayList<>();
        String lastSpeaker = null;
        int offset = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            List<Span> spans = spans(p);
            if (spans.isEmpty() && blockquotes.get(i)) {
                String speaker = blockquoteSpeaker(p, i > 0 ? paragraphs.get(i - 1) : "", lastSpeaker);
                int[] cut = trim(p, 0, p.length());
                java.util.regex.Matcher dash = SIGNATURE.matcher(p);
                if (speaker != null && dash.find()) cut[1] = trim(p, cut[0], dash.start())[1];
                if (words(p.substring(cut[0], cut[1])) >= MIN_WORDS) {
                    out.add(new Quote(p.substring(cut[0], cut[1]), speaker, offset + cut[0], offset + cut[1]));
                    if (speaker != null) lastSpeaker = speaker;
                }
            }
            for (Span s : spans) {
                int[] cut = trim(p, s.start(), s.end());
                String inner = p.substring(cut[0], cut[1]);
                if (words(inner) < MIN_WORDS) continue;
                String before = p.substring(0, Math.max(0, s.start() - 1));
                String after = s.closed() ? p.substring(Math.min(p.length(), s.end() + 1)) : "";
                if (before.isBlank() && i > 0 && paragraphs.get(i - 1).strip().endsWith(":")) before = paragraphs.get(i - 1);
                boolean endsSentence = p.substring(s.start(), s.end()).strip().matches("(?s).*[.…]$");
                String speaker = Speakers.find(before, after, endsSentence, lastSpeaker);
                out.add(new Quote(inner, speaker, offset + cut[0], offset + cut[1]));
                if (speaker != null) lastSpeaker = speaker;
            }
            offset += p.length() + 2;
        }
        return out;
    }

    /** The quoted spans of a paragraph (inside the marks). */
    private static List<Span> spans(String p) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            int close = -1;
            boolean unclosedToEnd = false;
            switch (c) {
                case '“' -> {
                    close = nextOf(p, i + 1, '”', '“');
                    unclosedToEnd = true;
                }
                case '„' -> {
                    close = nextOf(p, i + 1, '“', '„');
                    if (close < 0) close = nextOf(p, i + 1, '”', '„');
                    unclosedToEnd = true;
                }
                case '«' -> {
                    close = nextOf(p, i + 1, '»', '«');
                    unclosedToEnd = true;
                }
                case '"' -> {
                    if (i == 0 || !Character.isLetterOrDigit(p.charAt(i - 1))) close = p.indexOf('"', i + 1);
                }
                default -> {
                    i++;
                    continue;
                }
            }
            if (close > i) {
                out.add(new Span(i + 1, close, true));
                i = close + 1;
            } else if (close == -2 || close < 0 && unclosedToEnd) {
                // unclosed: up to the next opening mark of the same kind, or the end of the paragraph
                int end = p.indexOf(c, i + 1);
                if (end < 0) end = p.length();
                out.add(new Span(i + 1, end, false));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Index of the closing mark, -2 if another opening mark comes first, -1 if there is none. */
    private static int nextOf(String p, int from, char closing, char opening) {
        for (int j = from; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == closing) return j;
            if (c == opening) return -2;
        }
        return -1;
    }

    /** [start, end) without surrounding spaces and a trailing comma, which belongs to the sentence around. */
    private static int[] trim(String p, int start, int end) {
        end = Math.max(start, Math.min(end, p.length()));
        while (start < end && Character.isWhitespace(p.charAt(start))) start++;
        while (end > start && (Character.isWhitespace(p.charAt(end - 1)) || p.charAt(end - 1) == ',')) end--;
        return new int[] {start, end};
    }

    private static String blockquoteSpeaker(String p, String previous, String lastSpeaker) {
        java.util.regex.Matcher dash = SIGNATURE.matcher(p);
        if (dash.find()) return Speakers.subject(dash.group(1), null);
        String prev = previous.strip();
        if (prev.endsWith(":") || prev.endsWith(",")) return Speakers.find(prev, "", false, lastSpeaker);
        return null;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
