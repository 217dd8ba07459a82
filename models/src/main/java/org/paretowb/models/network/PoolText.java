package org.paretowb.models.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pooling window as text after "maxpool" or "avgpool": {@code 2} is a 2x2 window of stride 2; {@code 3s2p1c}
 * a 3x3 window of stride 2, padding 1, ceil mode; a trailing {@code i} counts the padding in an average.
 */
final class PoolText {
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:x\\d+)?)(?:s(\\d+(?:x\\d+)?))?(?:p(\\d+(?:x\\d+)?))?(c?)(i?)");

    private PoolText() {
    }

    static String write(Window w, boolean ceil, boolean countPadding) {
        StringBuilder t = new StringBuilder(Window.pair(w.kernelH(), w.kernelW()));
        if (w.strideH() != w.kernelH() || w.strideW() != w.kernelW()) {
            t.append('s').append(Window.pair(w.strideH(), w.strideW()));
        }
        if (w.padH() != 0 || w.padW() != 0) {
            t.append('p').append(Window.pair(w.padH(), w.padW()));
        }
        return t.append(ceil ? "c" : "").append(countPadding ? "i" : "").toString();
    }

    /** The window, ceil mode and count-padding flags; null when {@code text} is not a pooling window. */
    static Parsed read(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int[] k = Window.pair(m.group(1));
        int[] s = m.group(2) == null ? k : Window.pair(m.group(2));
        int[] p = m.group(3) == null ? new int[] {0, 0} : Window.pair(m.group(3));
        return new Parsed(new Window(k[0], k[1], s[0], s[1], p[0], p[1], 1, 1), !m.group(4).isEmpty(),
                !m.group(5).isEmpty());
    }

    record Parsed(Window window, boolean ceil, boolean countPadding) {
    }
}
