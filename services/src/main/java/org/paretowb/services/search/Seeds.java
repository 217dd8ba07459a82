package org.paretowb.services.search;

import java.util.Random;
import java.util.SplittableRandom;

/** Generators derived from a search's seed and a position in it, so that no strategy carries state between calls. */
final class Seeds {
    private Seeds() {
    }

    static Random random(long seed, int observations, int stream) {
        long mixed = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + observations * 1_000_003L + stream).nextLong();
        return new Random(mixed);
    }
}
