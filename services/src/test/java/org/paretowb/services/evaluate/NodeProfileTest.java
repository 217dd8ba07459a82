package org.paretowb.services.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel times are charged to the layer each exported node serves, also after ONNX Runtime renamed the node. */
class NodeProfileTest {
    @TempDir
    Path dir;

    @Test
    void nodesOnnxRuntimeRewroteAreChargedToTheLayerTheirOriginalServed() throws Exception {
        Path trace = Files.writeString(dir.resolve("trace.json"), "["
                + run(0) + "," + run(100)
                + "," + kernel("/conv1/Conv_12_token_3", 150, 40)
                + "," + kernel("/conv1/Conv_12", 160, 2)
                + "," + kernel("/maxpool1/MaxPool_18_nchwc", 170, 6)
                + "," + kernel("fused /fc1/Gemm_51", 180, 10)
                + "," + kernel("/conv11/Conv_99", 185, 7)
                + "," + kernel("ReorderInput", 190, 5)
                + "," + kernel("/conv1/Conv_12_token_3", 50, 1000)
                + "]");
        Map<String, String> owners = Map.of("/conv1/Conv_12", "conv1", "/maxpool1/MaxPool_18", "conv1",
                "/fc1/Gemm_51", "fc1", "/conv11/Conv_99", "conv11", "/conv1/Conv_1", "conv1");

        Map<String, Double> micros = NodeProfile.perLayer(trace, owners, List.of("conv1", "fc1", "conv11"), 1);

        assertEquals(48.0, micros.get("conv1"), 1e-9, "its kernel, renamed or not, and its pool's, after warm-up");
        assertEquals(10.0, micros.get("fc1"), 1e-9);
        assertEquals(7.0, micros.get("conv11"), 1e-9, "not conv1's, whose name it starts with");
        assertEquals(5.0, micros.get(NodeProfile.OTHER), 1e-9, "nodes ONNX Runtime added");
    }

    private static String run(long ts) {
        return "{\"cat\":\"Session\",\"name\":\"model_run\",\"ts\":" + ts + ",\"dur\":90}";
    }

    private static String kernel(String node, long ts, double dur) {
        return "{\"cat\":\"Node\",\"name\":\"" + node + "_kernel_time\",\"ts\":" + ts + ",\"dur\":" + dur + "}";
    }
}
