package org.warctrail.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Decompression bombs for the extractor's limits, generated so no hostile file sits in the repository: a PDF
 * whose one Flate-compressed content stream expands to many bytes of text operators, and a DOCX whose
 * deflated {@code word/document.xml} expands to many bytes of paragraphs. Also a command-line entry point that
 * writes them to files, for measuring the {@code extract} command on them.
 */
public final class Bombs {
    private Bombs() {
    }

    /** A one-page PDF whose content stream decompresses to about {@code expandedBytes} bytes of text drawing. */
    public static byte[] pdf(long expandedBytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            z.write("BT /F1 12 Tf 50 700 Td\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = "(All work and no play makes Jack a dull boy and a bomb of a page) Tj 0 -1 Td\n"
                    .getBytes(StandardCharsets.US_ASCII);
            repeat(z, line, expandedBytes);
            z.write("ET\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] stream = compressed.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        long[] offsets = new long[6];
        write(pdf, "%PDF-1.7\n");
        offsets[1] = pdf.size();
        write(pdf, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        offsets[2] = pdf.size();
        write(pdf, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        offsets[3] = pdf.size();
        write(pdf, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
        offsets[4] = pdf.size();
        write(pdf, "4 0 obj << /Length " + stream.length + " /Filter /FlateDecode >> stream\n");
        pdf.write(stream);
        write(pdf, "\nendstream endobj\n");
        offsets[5] = pdf.size();
        write(pdf, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
        long xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int i = 1; i < 6; i++) table.append(String.format("%010d 00000 n \n", offsets[i]));
        table.append("trailer << /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(pdf, table.toString());
        return pdf.toByteArray();
    }

    /** A DOCX whose {@code word/document.xml} decompresses to about {@code expandedBytes} bytes of paragraphs. */
    public static byte[] docx(long expandedBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            repeat(zip, "<w:p><w:r><w:t>All work and no play makes Jack a dull boy.</w:t></w:r></w:p>"
                    .getBytes(StandardCharsets.US_ASCII), expandedBytes);
            write(zip, "</w:body></w:document>");
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, byte[] unit, long total) throws IOException {
        byte[] block = new byte[unit.length * Math.max(1, (1 << 20) / unit.length)];
        for (int i = 0; i < block.length; i += unit.length) System.arraycopy(unit, 0, block, i, unit.length);
        for (long written = 0; written < total; written += block.length) out.write(block);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code Bombs DIR}: writes bomb.pdf (1.2 GB of text) and bomb.docx (1.5 GB of XML) into DIR. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : ".");
        java.nio.file.Files.write(dir.resolve("bomb.pdf"), pdf(1_200_000_000L));
        java.nio.file.Files.write(dir.resolve("bomb.docx"), docx(1_500_000_000L));
    }
}
