package org.warctrail.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF's compressed streams, measured before the text parse. PDFBox decodes a stream wholly into memory before it
 * reads it, so one small Flate stream that expands to gigabytes (a decompression bomb) would fill the heap; this
 * check inflates each Flate or LZW stream that is not an image into nothing, counting, and stops at the limit.
 * Images are left out: text extraction does not decode them.
 */
final class PdfStreamCheck {
    private PdfStreamCheck() {
    }

    /**
     * Why the PDF is refused, or null when its streams expand to at most {@code maxBytes} in all (or it cannot be
     * read here, which the parse that follows reports).
     */
    static String refusal(byte[] pdf, long maxBytes) {
        long total = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) continue;
                if (!compressed(stream.getFilters())) continue;
                total += expandedSize(stream, maxBytes - total);
                if (total > maxBytes) {
                    return "a compressed stream (object " + key.getNumber() + ") expands beyond the limit of "
                            + maxBytes / (1024 * 1024) + " MB of decompressed PDF data";
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static boolean compressed(COSBase filters) {
        if (filters instanceof COSName name) return isInflating(name);
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) if (array.getObject(i) instanceof COSName n && isInflating(n)) return true;
        }
        return false;
    }

    private static boolean isInflating(COSName name) {
        return COSName.FLATE_DECODE.equals(name) || COSName.FLATE_DECODE_ABBREVIATION.equals(name)
                || COSName.LZW_DECODE.equals(name) || COSName.LZW_DECODE_ABBREVIATION.equals(name);
    }

    /**
     * Bytes the first filter yields, decoded into a counter that gives up just past {@code budget}; chains that
     * start with another filter are left to the heap watch of {@link BoundedWork}.
     */
    private static long expandedSize(COSStream stream, long budget) throws IOException {
        COSBase filters = stream.getFilters();
        COSName first = filters instanceof COSArray a && a.size() > 0 && a.getObject(0) instanceof COSName n ? n
                : filters instanceof COSName n ? n : null;
        if (first == null || !isInflating(first)) return 0;
        Counter counter = new Counter(budget);
        try (InputStream in = stream.createRawInputStream()) {
            FilterFactory.INSTANCE.getFilter(first).decode(in, counter, stream, 0);
        } catch (Counter.Full full) {
            return budget + 1;
        } catch (IOException e) {
            // a damaged stream: the parse reports it; what was counted is what it holds
        }
        return counter.count;
    }

    /** An output stream that only counts, and stops the writer past a budget. */
    private static final class Counter extends OutputStream {
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final long budget;
        long count;

        Counter(long budget) {
            this.budget = budget;
        }

        @Override
        public void write(int b) throws IOException {
            write(null, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > budget) throw new Full();
        }
    }
}
