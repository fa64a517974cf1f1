package org.warctrail.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.sqlite.Function;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

/**
 * A document's links as one deflated value of the {@code links} table. Links are only ever read whole, per
 * document, in page order; a page's links share hosts, paths and labels, so together they deflate to about a
 * fifth of one row per link (a quarter of the index on real news pages before). Kinds and places are kept as
 * their labels, so the value reads the same whatever the enums' order. A context equal to the link's text is
 * kept once.
 */
final class PackedLinks {
    /** The first byte of a value: the layout below. */
    private static final int LAYOUT = 1;
    /** The aggregate the migration from one row per link uses: {@code pack_links(position, url, text, context, kind, place)}. */
    static final String AGGREGATE = "warctrail_pack_links";

    private PackedLinks() {
    }

    /** The value for a document's links, in order; null for none. */
    static byte[] pack(List<Link> links) {
        if (links.isEmpty()) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            out.writeByte(LAYOUT);
            out.writeInt(links.size());
            for (Link l : links) {
                write(out, l.url());
                write(out, l.text());
                write(out, Objects.equals(l.context(), l.text()) ? null : l.context());
                write(out, l.kind() == null ? LinkKind.LINK.label() : l.kind().label());
                write(out, l.place() == null ? LinkPlace.OTHER.label() : l.place().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** The links a value holds, in order; empty for null. */
    static List<Link> unpack(byte[] value, long documentId) {
        if (value == null) return List.of();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(value)))) {
            int layout = in.readUnsignedByte();
            if (layout != LAYOUT) throw new DataFormatException("unknown layout " + layout);
            int n = in.readInt();
            List<Link> links = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String url = read(in);
                String text = read(in);
                String context = read(in);
                links.add(new Link(url, text, context == null ? text : context, kind(read(in)), place(read(in))));
            }
            return links;
        } catch (IOException | DataFormatException e) {
            throw new IndexException("the links of document " + documentId + " are unreadable: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    static LinkKind kind(String label) {
        try {
            return LinkKind.parse(label);
        } catch (IllegalArgumentException | NullPointerException e) {
            return LinkKind.LINK;
        }
    }

    static LinkPlace place(String label) {
        try {
            return LinkPlace.parse(label);
        } catch (IllegalArgumentException | NullPointerException e) {
            return LinkPlace.OTHER;
        }
    }

    /**
     * Defines {@value #AGGREGATE} on a connection, for the migration that turns the rows of one link each into a
     * value per document: the links of a group, ordered by their position, packed.
     */
    static void defineAggregate(Connection c) throws SQLException {
        Function.create(c, AGGREGATE, new Packer());
    }

    /** The aggregate: sqlite-jdbc clones it for each group, so each clone gets its own map. */
    private static final class Packer extends Function.Aggregate {
        private TreeMap<Integer, Link> links = new TreeMap<>();

        @Override
        protected void xStep() throws SQLException {
            links.put(value_int(0), new Link(value_text(1), value_text(2), value_text(3), kind(value_text(4)),
                    place(value_text(5))));
        }

        @Override
        protected void xFinal() throws SQLException {
            result(pack(new ArrayList<>(links.values())));
            links = new TreeMap<>();
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Packer copy = (Packer) super.clone();
            copy.links = new TreeMap<>();
            return copy;
        }
    }
}
