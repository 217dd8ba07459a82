package org.paretowb.charts.axis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Ticks chosen for an axis of a given length, with labels 7 pixels a character (a 12-pixel sans-serif font). */
class TicksTest {
    private static final double CHAR = 7;

    /** A horizontal axis of {@code pixels} over [lower, upper], linear or log. */
    private static LabelSpace axis(double lower, double upper, double pixels, boolean log) {
        return new LabelSpace(v -> log ? pixels * Math.log(v / lower) / Math.log(upper / lower)
                : pixels * (v - lower) / (upper - lower), label -> label.length() * CHAR, 0, pixels);
    }

    private static void readable(List<Tick> ticks, LabelSpace space, String what) {
        assertTrue(ticks.size() >= 2, what + ": at least two ticks, got " + ticks);
        assertTrue(Ticks.allDiffer(ticks), what + ": every label differs: " + ticks);
        assertTrue(space.test(ticks), what + ": no two labels touch: " + ticks);
    }

    private static List<Tick> linear(AxisFit fit, Unit unit, double pixels, double... values) {
        AxisRange r = fit.of(values);
        return r.log() ? Ticks.log(r.lower(), r.upper(), unit, axis(r.lower(), r.upper(), pixels, true))
                : Ticks.linear(r.lower(), r.upper(), unit, axis(r.lower(), r.upper(), pixels, false));
    }

    @Test
    void twoThreeAndTenPointsGetReadableTicksOnEveryAxis() {
        AxisFit[] fits = {new AxisFit(0.3, 0, true, false, new AxisRange(0, 1, false)),
            new AxisFit(0.1, 0, true, false, new AxisRange(0, 1e6, false))};
        Unit[] units = {Unit.PLAIN, Unit.BYTES, Unit.COUNT};
        double[][] data = {
            {0.057, 0.061},
            {829_203, 606_975},
            {0.057, 0.061, 0.136},
            {829_203, 606_975, 110_813},
            DoubleStream.iterate(0.05, v -> v * 1.1).limit(10).toArray(),
            DoubleStream.iterate(98_409, v -> v * 1.27).limit(10).toArray(),
            {92.02, 92.2},
            {1_236_864, 1_236_864},
        };
        for (AxisFit fit : fits) {
            for (Unit unit : units) {
                for (double[] values : data) {
                    for (double pixels : new double[] {180, 260, 420}) {
                        AxisRange r = fit.of(values);
                        List<Tick> ticks = linear(fit, unit, pixels, values);
                        readable(ticks, axis(r.lower(), r.upper(), pixels, r.log()),
                                unit + " over " + r + " in " + pixels + " px");
                    }
                }
            }
        }
    }

    @Test
    void decadeSpansGetDecadeTicksThatFit() {
        for (double[] span : new double[][] {{39_175, 829_203}, {1_000, 10_000_000}, {50_000, 1_236_864},
            {7_812, 565_000}, {0.015, 0.136}}) {
            for (double pixels : new double[] {180, 260, 420}) {
                LabelSpace space = axis(span[0], span[1], pixels, true);
                List<Tick> ticks = Ticks.log(span[0], span[1], Unit.BYTES, space);
                readable(ticks, space, "log " + span[0] + " to " + span[1] + " in " + pixels + " px");
            }
        }
    }

    @Test
    void aLogAxisWithinADecadeStillHasTwoTicks() {
        LabelSpace space = axis(600_000, 900_000, 260, true);
        readable(Ticks.log(600_000, 900_000, Unit.BYTES, space), space, "600 kB to 900 kB");
        LabelSpace narrow = axis(610_000, 640_000, 260, true);
        readable(Ticks.log(610_000, 640_000, Unit.BYTES, narrow), narrow, "610 kB to 640 kB: linear steps");
    }

    @Test
    void aNarrowAccuracyRangeReadsDifferentLabels() {
        LabelSpace space = axis(81.85, 81.95, 200, false);
        List<Tick> ticks = Ticks.linear(81.85, 81.95, Unit.PERCENT, space);
        readable(ticks, space, "81.85 to 81.95");
    }

    @Test
    void aPercentAxisFromZeroToAHundredGetsRoundTicksEndsIncluded() {
        LabelSpace space = axis(0, 100, 980, false);
        List<Tick> ticks = Ticks.linear(0, 100, Unit.PERCENT, space);
        readable(ticks, space, "0 to 100 in 980 px");
        assertTrue(ticks.size() >= 5 && ticks.get(0).label().equals("0") && ticks.get(ticks.size() - 1).label()
                .equals("100"), ticks.toString());
    }
}
