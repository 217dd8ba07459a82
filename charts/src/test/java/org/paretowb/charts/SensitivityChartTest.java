package org.paretowb.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paretowb.models.measure.LayerSensitivity;
import org.paretowb.models.measure.SensitivityTechnique;

class SensitivityChartTest {
    @Test
    void int8CurvesRunFromFp32ToInt8AndNameTheLayersKernelTimes() {
        SensitivityChart chart = new SensitivityChart();
        LayerSensitivity conv2 = new LayerSensitivity(SensitivityTechnique.INT8, "conv2", 4608, 0.92, 31.5,
                new double[] {1}, new double[] {0.918}, new double[] {12.25});

        chart.show(SensitivityTechnique.INT8, List.of(conv2));

        assertEquals(2, chart.curves().getSeriesCount(), "the layer and the unchanged line");
        assertEquals("conv2 (4,608 weights; kernel 31.5 → 12.3 µs)", chart.curves().getSeries(0).getKey());
        assertEquals(0.0, chart.curves().getSeries(0).getX(0).doubleValue());
        assertEquals(91.8, chart.curves().getSeries(0).getY(1).doubleValue(), 1e-9);
        assertEquals(SensitivityTechnique.INT8.axis(), chart.chart().getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void weightBitsArePlacedAtTheirWidthWithThirtyTwoForTheUnchangedLayer() {
        SensitivityChart chart = new SensitivityChart();
        LayerSensitivity fc1 = new LayerSensitivity(SensitivityTechnique.BITS, "fc1", 1000, 0.9, 4000,
                new double[] {8, 4, 2}, new double[] {0.9, 0.88, 0.6}, new double[] {1000, 500, 250});

        chart.show(SensitivityTechnique.BITS, List.of(fc1));

        var series = chart.curves().getSeries(0);
        assertEquals(List.of(2.0, 4.0, 8.0, 32.0), List.of(series.getX(0).doubleValue(), series.getX(1).doubleValue(),
                series.getX(2).doubleValue(), series.getX(3).doubleValue()));
        assertEquals("fc1 (1,000 weights; 4,000 → 250 bytes)", series.getKey());
    }

    @Test
    void theUnchangedNetworksIntervalOnTheImagesMeasuredIsAGreyBandTheAxisIncludes() {
        SensitivityChart chart = new SensitivityChart();
        LayerSensitivity conv2 = new LayerSensitivity(SensitivityTechnique.INT8, "conv2", 4608, 0.922, 31.5,
                new double[] {1}, new double[] {0.925}, new double[] {12.25});

        chart.show(SensitivityTechnique.INT8, List.of(conv2), 1000);

        var bands = chart.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertEquals(1, bands.size());
        var band = (org.jfree.chart.plot.IntervalMarker) bands.iterator().next();
        assertEquals(90.37, band.getStartValue(), 0.01, "Wilson 95% of 922 in 1,000, low end");
        assertEquals(93.71, band.getEndValue(), 0.01, "and high end");
        var y = chart.chart().getXYPlot().getRangeAxis().getRange();
        assertTrue(y.getLowerBound() <= band.getStartValue() && y.getUpperBound() >= band.getEndValue(), y.toString());

        chart.show(SensitivityTechnique.INT8, List.of(conv2), 0);
        var none = chart.chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertTrue(none == null || none.isEmpty(), "no band where the number of images is not known");
    }
}
