package org.paretowb.charts.report;

/**
 * Writes well-formed XHTML: every text and attribute value escaped, characters XML 1.0 forbids dropped,
 * every element closed. The same markup parses as HTML in a browser and as XML in the PDF renderer.
 */
final class Xhtml {
    private final StringBuilder out;

    Xhtml() {
        this(new StringBuilder(1 << 16));
    }

    private Xhtml(StringBuilder out) {
        this.out = out;
    }

    /** An opening tag; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Xhtml open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Xhtml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Xhtml element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element with no content, written as {@code <tag/>} (img, br, col, meta). */
    Xhtml empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Xhtml text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup made elsewhere and already well-formed (the SVG charts). */
    Xhtml markup(String wellFormed) {
        out.append(wellFormed);
        return this;
    }

    Xhtml newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The text with markup characters escaped and characters XML 1.0 cannot hold dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
