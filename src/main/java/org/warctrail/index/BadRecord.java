package org.warctrail.index;

/** A record that could not be read, and was skipped. */
public record BadRecord(String file, long offset, String reason) {
    @Override
    public String toString() {
        return file + ": bad record at offset " + offset + ": " + reason;
    }

    /** Why a record could not be read, as a sentence (not "No value present" or a null pointer's message). */
    public static String reasonOf(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.io.EOFException) {
            return "the record ends before its Content-Length says" + (message == null ? "" : " (" + message + ")");
        }
        if (e instanceof java.util.NoSuchElementException || e instanceof NullPointerException) {
            return "a header the record needs is missing or empty (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof java.util.zip.ZipException) return "damaged gzip data: " + message;
        if (e instanceof java.time.format.DateTimeParseException) return "unreadable date: " + message;
        if (message == null || message.isBlank()) return "unreadable record (" + e.getClass().getSimpleName() + ")";
        return message;
    }

    /**
     * A one-line reason: jwarc's parse errors quote the offending bytes, which may be binary, and write a byte
     * above 0x7f sign-extended ({@code \xffffffcf}); it is shown as the byte it is ({@code \xcf}).
     */
    public static String printable(String reason) {
        reason = reason.replaceAll("\\\\xffffff([0-9a-fA-F]{2})", "\\\\x$1");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reason.length() && out.length() < 300; i++) {
            char c = reason.charAt(i);
            out.append(c >= 0x20 && c < 0x7f || Character.isLetterOrDigit(c) ? c : c == '\n' ? ' ' : '?');
        }
        return out.toString();
    }
}
