package org.paretowb.services.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.usecase.ExampleSession;

/**
 * On a machine without a CUDA device (this one, and CI), asking for the GPU gives the CPU, a reason, and networks
 * whose engine description, recorded with every measurement, says CPU. With -Pgpu the reason is ONNX Runtime's own.
 */
class GpuFallbackIT {
    @Test
    void askingForTheGpuWithoutOneMeasuresOnTheCpuAndSaysSoInTheEngineDescription() throws Exception {
        String before = System.getProperty(ComputeDevice.PROPERTY);
        System.setProperty(ComputeDevice.PROPERTY, "gpu");
        try {
            OrtRuntime runtime = new OrtRuntime();
            assertFalse(runtime.device().gpu(), "no CUDA device here");
            assertNotNull(runtime.device().fallback());
            assertTrue(runtime.device().message().endsWith("; measuring on the CPU"), runtime.device().message());
            WeightSet cnn = ExampleSession.exampleWeights(Architecture.CNN);
            try (OnnxNetwork network = runtime.load(new OnnxExporter().export(cnn), cnn.spec(), 1)) {
                assertTrue(network.engine().endsWith(", CPU"), network.engine());
            }
        } finally {
            if (before == null) {
                System.clearProperty(ComputeDevice.PROPERTY);
            } else {
                System.setProperty(ComputeDevice.PROPERTY, before);
            }
        }
    }
}
