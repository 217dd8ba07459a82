package org.paretowb.models.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTableTest {
    @Test
    void rowsCountEachLayersParametersAndMacsAndTheSharesAddUp() {
        NetworkSpec spec = NetworkSpec.parse("1x28x28 conv8k3p1 relu maxpool2 flatten dense10");
        List<LayerTable.Row> rows = LayerTable.of(spec);
        assertEquals(5, rows.size());
        assertEquals("conv1", rows.get(0).name());
        assertEquals("8 x 28 x 28", rows.get(0).output());
        assertEquals(8 * 9 + 8, rows.get(0).parameters());
        assertEquals(8L * 9 * 28 * 28, rows.get(0).macs());
        assertEquals("fc1", rows.get(4).name());
        assertEquals("10 features", rows.get(4).output());
        assertEquals(10 * 8 * 14 * 14 + 10, rows.get(4).parameters());
        assertEquals(1.0, rows.stream().mapToDouble(LayerTable.Row::macsShare).sum(), 1e-12);
    }

    @Test
    void activationRowsAreNamedAfterTheirFunction() {
        List<LayerTable.Row> rows = LayerTable.of(NetworkSpec.parse("1x4x4 flatten dense8 leakyrelu0.1 dense4 tanh"));
        assertEquals("leakyrelu1", rows.get(2).name());
        assertEquals("leakyrelu0.1", rows.get(2).type());
        assertEquals(0, rows.get(2).parameters());
        assertEquals(0, rows.get(2).macs());
        assertEquals("tanh1", rows.get(4).name());
    }

    @Test
    void aJoinRowNamesWhatItReads() {
        List<LayerTable.Row> rows = LayerTable.of(NetworkSpec.parse(
                "1x4x4 conv2k3p1 relu conv2k3p1@conv1 add@conv2+relu1 gap flatten dense3"));

        assertEquals("", rows.get(1).inputs(), "a node reading the one before it names nothing");
        assertEquals("conv1", rows.get(2).inputs());
        assertEquals("conv2, relu1", rows.get(3).inputs());
        assertEquals(true, rows.get(3).join());
        assertEquals("2 x 1 x 1", rows.get(4).output());
    }
}
