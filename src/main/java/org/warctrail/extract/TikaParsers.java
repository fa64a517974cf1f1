package org.warctrail.extract;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OldExcelParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.FlatOpenDocumentParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.wordperfect.WordPerfectParser;
import org.apache.tika.parser.xml.DcXMLParser;

/**
 * The Tika parsers warctrail uses, built on first use (a capture of HTML pages never pays for them), and only the
 * document formats it indexes: PDF, Word, Excel, PowerPoint (OOXML and OLE2), OpenDocument, RTF, EPUB, WordPerfect,
 * XML and plain text. Tika's default set also holds parsers that run external programs (tesseract, ffmpeg,
 * exiftool, gdal) and probe for them when built; none of those is here, so extraction never starts a process.
 */
final class TikaParsers {
    private TikaParsers() {
    }

    static AutoDetectParser parser() {
        return Holder.PARSER;
    }

    static Detector detector() {
        return Holder.DETECTOR;
    }

    private static final class Holder {
        static final Detector DETECTOR = new DefaultDetector(MimeTypes.getDefaultMimeTypes());
        static final AutoDetectParser PARSER = build();

        private static AutoDetectParser build() {
            AutoDetectParser parser = new AutoDetectParser(DETECTOR, new PDFParser(), new OOXMLParser(),
                    new OfficeParser(), new OldExcelParser(), new OpenDocumentParser(), new FlatOpenDocumentParser(),
                    new RTFParser(), new EpubParser(), new WordPerfectParser(), new DcXMLParser(), new TextAndCSVParser());
            AutoDetectParserConfig config = new AutoDetectParserConfig();
            // Tika's SecureContentHandler: output far beyond the input's size is a zip bomb
            config.setMaximumCompressionRatio(100);
            config.setOutputThreshold(1_000_000);
            config.setMaximumDepth(100);
            config.setMaximumPackageEntryDepth(10);
            parser.setAutoDetectParserConfig(config);
            return parser;
        }
    }
}
