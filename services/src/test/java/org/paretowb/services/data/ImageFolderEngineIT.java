package org.paretowb.services.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.FashionMnist;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.data.LabeledImages;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.services.evaluate.Evaluator;
import org.paretowb.services.lane.CancelToken;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/** A folder of PNG files written from the idx test images evaluates to exactly the idx files' accuracy. */
class ImageFolderEngineIT {
    @TempDir
    Path dir;

    @Test
    void pngFilesOfTheTestImagesGiveTheSameAccuracyAsTheIdxFiles() throws Exception {
        LabeledImages idx = new FashionMnist().testSet().first(600);
        int size = idx.rows() * idx.cols();
        for (int i = 0; i < idx.size(); i++) {
            Path classFolder = Files.createDirectories(dir.resolve(Integer.toString(idx.label(i))));
            ImageFolder.writePng(idx.pixels(), i * size, idx.rows(), idx.cols(),
                    classFolder.resolve(String.format("%05d.png", i)));
        }
        LabeledImages folder = new ImageFolder(28, 28, 10).read(dir);
        assertEquals(idx.size(), folder.size());

        PyTorchRuntime runtime = new PyTorchRuntime();
        runtime.prepareInferenceThread();
        Evaluator evaluator = new Evaluator(100);
        try (LoadedNetwork cnn = LoadedNetwork.load(new ExampleWeights().load(Architecture.CNN), runtime)) {
            double fromIdx = evaluator.accuracy(cnn, idx, CancelToken.NEVER);
            double fromPng = evaluator.accuracy(cnn, folder, CancelToken.NEVER);
            assertEquals(fromIdx, fromPng, 0.0, "the same images, the same accuracy");
        }
    }
}
