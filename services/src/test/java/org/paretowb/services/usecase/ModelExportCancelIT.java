package org.paretowb.services.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.services.export.ModelFiles;
import org.paretowb.services.export.ModelFormat;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.lane.CancelledException;
import org.paretowb.services.runtime.OrtRuntime;
import org.paretowb.services.runtime.PyTorchRuntime;

/** An export (Point › Export model…) cancelled while its file is loaded back and evaluated. */
class ModelExportCancelIT {
    @TempDir
    Path dir;

    @Test
    void anExportCancelledMidWayLeavesTheFileThatWasThereAndNoPart() throws Exception {
        PyTorchRuntime pytorch = new PyTorchRuntime(); // DJL's engine before ONNX Runtime's environment
        ModelExport export = new ModelExport(new ModelFiles(pytorch, new OrtRuntime()));
        Path file = dir.resolve("cnn.onnx");
        Files.writeString(file, "the export before");
        int[] checks = new int[1];
        CancelToken token = new CancelToken() {
            @Override
            public void check() {
                if (++checks[0] == 3) { // the reloaded file has evaluated two batches
                    cancel();
                }
                super.check();
            }
        };

        assertThrows(CancelledException.class, () -> export.write(new ExampleWeights().load(Architecture.CNN),
                cnnSettings(), ModelFormat.ONNX, Set.of(), file, new FashionMnist().testSet().first(1000), true, null, token));

        assertEquals(3, checks[0], "started, stopped at the next batch boundary");
        assertEquals("the export before", new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1),
                "nothing half-done replaced it");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
        assertTrue(export.write(new ExampleWeights().load(Architecture.CNN), cnnSettings(), ModelFormat.ONNX, Set.of(), file,
                new FashionMnist().testSet().first(250), true, null, CancelToken.NEVER).bytes() > 100_000,
                "the same export, not cancelled, writes the file");
    }

    private static org.paretowb.models.input.ModelSettings cnnSettings() {
        return org.paretowb.models.input.ModelSettings.of(Architecture.CNN.spec());
    }
}
