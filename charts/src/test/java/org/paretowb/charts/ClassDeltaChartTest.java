package org.paretowb.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.junit.jupiter.api.Test;

class ClassDeltaChartTest {

    @Test
    void lossesAreRedGainsGreenAndAClassWithoutImagesHasNoBar() {
        ClassDeltaChart chart = new ClassDeltaChart();

        chart.show(new double[] {-0.1, 0.05, Double.NaN}, List.of("T-shirt/top", "Trouser"));

        assertEquals(-10.0, chart.deltas().getValue(0, 0).doubleValue(), 1e-9, "in percentage points");
        assertEquals(5.0, chart.deltas().getValue(0, 1).doubleValue(), 1e-9);
        assertNull(chart.deltas().getValue(0, 2));
        assertEquals("class 2", chart.deltas().getColumnKey(2), "a class without a name gets its index");
        CategoryItemRenderer bars = chart.chart().getCategoryPlot().getRenderer();
        assertEquals(ClassDeltaChart.LOSS, bars.getItemPaint(0, 0));
        assertEquals(ClassDeltaChart.GAIN, bars.getItemPaint(0, 1));
    }
}
