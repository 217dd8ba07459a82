package org.paretowb.services.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Students;
import org.paretowb.models.network.WeightSet;
import org.paretowb.models.recipe.DistillationSettings;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;
import org.paretowb.services.runtime.TorchScriptNetwork;

/** Any loaded network can teach: here the PyTorch-made CNN, read from its TorchScript file. */
class DistillerTeacherIT {
    private static final NetworkSpec INPUT = new NetworkSpec(1, 28, 28, List.of());

    @TempDir
    Path dir;

    private Path teacherFile() throws Exception {
        Path file = dir.resolve("torch-cnn.pt");
        try (var in = TorchScriptNetwork.class.getResourceAsStream("torch-cnn.pt")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aTorchScriptTeacherDistilsIntoAStudentWellAboveChanceInOneEpoch() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        LabeledImages train = new FashionMnist().embeddedTrainingSubset().first(3000);
        DistillationSettings settings = new DistillationSettings("mlp:64", 2, 0.5, 1, 0.01,
                DistillationSettings.Optimizer.ADAM, 0, 100, 1);
        NetworkSpec studentSpec = Students.parse(settings.student(), INPUT, 10);
        WeightSet student;
        try (TorchScriptNetwork teacher = TorchScriptNetwork.load(teacherFile(), new int[] {1, 28, 28}, runtime)) {
            student = new Distiller(runtime).distil(teacher, studentSpec, train, settings, (e, n, l, a, ms) -> { },
                    CancelToken.NEVER);
        }
        assertEquals(studentSpec.describe(), student.spec().describe());
        runtime.prepareInferenceThread();
        try (LoadedNetwork network = LoadedNetwork.load(student, runtime)) {
            double accuracy = new Evaluator(500).accuracy(network, new FashionMnist().testSet().first(1000),
                    CancelToken.NEVER);
            assertTrue(accuracy >= 0.5, "ten classes: chance is 0.1, the student scored " + accuracy);
        }
    }

    @Test
    void aStudentWithOtherOutputsThanTheTeachersLogitsIsRefused() throws Exception {
        PyTorchRuntime runtime = new PyTorchRuntime();
        LabeledImages train = new FashionMnist().embeddedTrainingSubset().first(100);
        DistillationSettings settings = new DistillationSettings("mlp:8", 2, 0.5, 1, 0.01,
                DistillationSettings.Optimizer.ADAM, 0, 100, 1);
        try (TorchScriptNetwork teacher = TorchScriptNetwork.load(teacherFile(), new int[] {1, 28, 28}, runtime)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Distiller(runtime)
                    .distil(teacher, Students.parse("mlp:8", INPUT, 5), train, settings, (a, b, c, d, f) -> { },
                            CancelToken.NEVER));
            assertEquals("the teacher gives 10 logits per image, the student 5", e.getMessage());
        }
    }
}
