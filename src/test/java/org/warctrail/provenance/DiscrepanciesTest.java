package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscrepanciesTest {
    private static Discrepancy d(String kind, String here, String there) {
        return new Discrepancy(kind, here, there, null);
    }

    @Test
    void aQualifiedFigureAgainstAnotherIsReportedWithItsNextWord() {
        assertEquals(List.of(d("number", "at least 70 people", "62 people")), Discrepancies.between(
                "Officials said the air raid on the market killed at least 70 people on Saturday.",
                "Officials said the air raid on the market killed 62 people on Saturday."));
    }

    @Test
    void figuresWithUnitsDifferInQualifierAndValue() {
        assertEquals(List.of(d("number", "at least 40 tonnes", "about 37 tonnes")), Discrepancies.between(
                "The ship spilled at least 40 tonnes of oil into the bay before the leak was sealed.",
                "The ship spilled about 37 tonnes of oil into the bay before the leak was sealed."));
    }

    @Test
    void theSameFiguresAndQuotesInOtherTypographyAreNoDiscrepancy() {
        String text = "He said “the call to knock it off was put in place,” and 62 soldiers had been killed by then.";
        assertEquals(List.of(), Discrepancies.between(text,
                "He said \"the call to knock it off was put in place,\" and 62 soldiers had been killed by then."));
    }

    @Test
    void aQuoteDifferingByOneWordIsReportedWhole() {
        assertEquals(List.of(d("quote", "the call to knock it off was put in place and the strikes ceased,",
                        "the call to knock it off was put in place and the attacks ceased,")),
                Discrepancies.between(
                        "In less than 5 minutes, “the call to knock it off was put in place and the strikes ceased,” he said.",
                        "In less than 5 minutes, \"the call to knock it off was put in place and the attacks ceased,\" he said."));
    }

    @Test
    void aSwappedNameIsReportedButNotAMissingOne() {
        assertEquals(List.of(d("name", "Igor Konashenkov", "Sergei Shoigu")), Discrepancies.between(
                "The strike was a direct consequence of American unwillingness to coordinate, Igor Konashenkov said.",
                "The strike was a direct consequence of American unwillingness to coordinate, Sergei Shoigu said."));
        assertEquals(List.of(), Discrepancies.between(
                "The call to knock it off was put in place and the attacks ceased, according to Thomas.",
                "The call to knock it off was put in place and the attacks ceased, according to the transcript."));
    }

    @Test
    void differentSentencesAreNotCompared() {
        // the blog's own intro and the article's sentence share a figure's subject, not the sentence
        assertEquals(List.of(), Discrepancies.between(
                "That morning, we learned how the US Coalition launched a brutal air attack which killed at least 70 "
                        + "soldiers and wounded 100 others.",
                "However, the damage had been done, as 62 Syrian government soldiers had been killed by the "
                        + "airstrikes near Deir ez-Zor, while a further 100 received injuries."));
    }

    @Test
    void sentencesAlignAcrossReorderedTextAndNamesWithInitials() {
        String here = "Col. John J. Thomas told reporters at the Pentagon about the call. Other news followed. "
                + "However, as 62 Syrian government soldiers had been killed by the airstrikes, the damage was done.";
        String there = "However, as 64 Syrian government soldiers had been killed by the airstrikes, the damage was done. "
                + "Col. John J. Thomas told reporters at the Pentagon about the call.";
        assertEquals(List.of(d("number", "62 Syrian", "64 Syrian")), Discrepancies.between(here, there));
    }

    @Test
    void everyVersionOfTheSourceIsComparedAndEachDifferenceDatedByItsFirstVersion() {
        String repost = "The damage was done, as 62 Syrian government soldiers had been killed by the airstrikes.";
        List<TextVersion> source = List.of(new TextVersion("20160920091400", repost),
                new TextVersion("20160921110200", repost.replace("62", "64")),
                new TextVersion("20160922000000", repost.replace("62", "64")));
        assertEquals(List.of(new Discrepancy("number", "62 Syrian", "64 Syrian", "20160921110200")),
                DiscrepancyFinder.between(repost, source));
    }

    @Test
    void aPageIsComparedAsItWasAtTheTimeAsked() {
        List<TextVersion> page = List.of(new TextVersion("20160920091400", "first"),
                new TextVersion("20160921110200", "second"), new TextVersion("20160922000000", "third"));
        assertEquals("third", DiscrepancyFinder.textAt(page, null));
        assertEquals("second", DiscrepancyFinder.textAt(page, "20160921235959"));
        assertEquals("second", DiscrepancyFinder.textAt(page, "20160921110200"));
        assertEquals("first", DiscrepancyFinder.textAt(page, "20150101000000")); // before its first capture
    }
}
