package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DenseScriptTextTest {
    @Test
    void runsBecomeCharacterPairsAndTheirLastCharacter() {
        assertEquals("不正 正に に改 改造 造", DenseScriptText.forIndex("不正に改造"));
        assertEquals("不正 正に に改 改造 造 iPhone", DenseScriptText.forIndex("不正に改造iPhone"));
        assertEquals("Apple の iPhone", DenseScriptText.forIndex("Apple の iPhone"));
        assertEquals("กร รุ ุง งเ เท ทพ พฯ ฯ", DenseScriptText.forIndex("กรุงเทพฯ"));
        assertEquals("コー ーヒ ヒー ー", DenseScriptText.forIndex("コーヒー"));
        assertTrue(DenseScriptText.has("北京"));
        assertFalse(DenseScriptText.has("Zürich, 2024"));
    }

    @Test
    void queryRunsArePhrasesOfPairsAndOneCharacterIsAPrefix() {
        assertEquals(new DenseScriptText.Phrase("改造", false), DenseScriptText.forQuery("改造"));
        assertEquals(new DenseScriptText.Phrase("造", true), DenseScriptText.forQuery("造"));
        assertEquals(new DenseScriptText.Phrase("改造 造 iPhone", false), DenseScriptText.forQuery("改造iPhone"));
        assertEquals(new DenseScriptText.Phrase("iPhone を", true), DenseScriptText.forQuery("iPhoneを"));
        assertEquals("\"北京\" AND \"大学\"", FtsQuery.dense("北京 大学"));
        assertEquals("\"造\"* AND \"iphone\"*", FtsQuery.dense("造 iphone*"));
    }

    @Test
    void snippetMarksTheFirstMatch() {
        assertEquals("先日、<b>不正に改造</b>したiPhone", DenseScriptText.snippet("先日、不正に改造したiPhone",
                java.util.List.of("不正に改造"), "<b>", "</b>"));
    }
}
