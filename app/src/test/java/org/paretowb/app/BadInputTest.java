package org.paretowb.app;

import org.paretowb.app.main.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paretowb.models.data.ImageFolder;
import org.paretowb.models.network.Architecture;
import org.paretowb.models.network.ExampleWeights;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.onnx.OnnxExporter;
import org.paretowb.services.onnx.proto.Onnx.ModelProto;
import picocli.CommandLine;

/** Each malformed model or data input of the issue gets one line on stderr naming the file and the fault, exit 2. */
class BadInputTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private String refused(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cli.execute(args), String.join(" ", args) + ": " + err);
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        return text;
    }

    @Test
    void aTruncatedOrNonOnnxFileIsNamed() throws Exception {
        byte[] onnx = new OnnxExporter().export(new ExampleWeights().load(Architecture.MLP));
        Path half = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(onnx, onnx.length / 2));
        assertTrue(refused("eval", "--model", half.toString()).contains(half + " is not an ONNX file (or is truncated)"),
                err.toString());
        err.getBuffer().setLength(0);
        Path text = Files.writeString(dir.resolve("notes.onnx"), "hello, not onnx");
        assertTrue(refused("eval", "--model", text.toString()).contains(text + " is not an ONNX"), err.toString());
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() throws Exception {
        ModelProto model = ModelProto.parseFrom(new OnnxExporter().export(new ExampleWeights().load(Architecture.MLP)));
        ModelProto.Builder changed = model.toBuilder();
        changed.getGraphBuilder().getNodeBuilder(1).setOpType("LSTM").setName("recurrent1");
        Path file = Files.write(dir.resolve("lstm.onnx"), changed.build().toByteArray());
        String message = refused("eval", "--model", file.toString());
        assertTrue(message.contains("operator LSTM in node 'recurrent1' is not supported"), message);
    }

    @Test
    void aPickledStateDictIsNotTakenForTorchScript() throws Exception {
        Path stateDict = Files.write(dir.resolve("weights.pt"), new byte[] {(byte) 0x80, 2, 'c', 'o', 'l', 'l'});
        String message = refused("torchscript", "--model", stateDict.toString());
        assertTrue(message.contains(stateDict + " is not a TorchScript model") && message.contains("state dict"),
                message);
    }

    @Test
    void labelsOutsideTheModelsClassesAreRefused() throws Exception {
        Path idx = idxFolder("labels", 28, 28, new byte[] {1, 2, 12, 3});
        assertTrue(refused("eval", "--data", idx.toString()).endsWith(idx.resolve("t10k-images-idx3-ubyte")
                + ": item 3 has label 12, outside the model's 10 classes (0 to 9)"), err.toString());
        err.getBuffer().setLength(0);
        Path folder = dir.resolve("images");
        Files.createDirectories(folder.resolve("12"));
        ImageFolder.writePng(new byte[28 * 28], 0, 28, 28, folder.resolve("12").resolve("a.png"));
        assertTrue(refused("eval", "--data", folder.toString()).contains("class folder '12' is label 12, outside the"
                + " model's 10 classes (0 to 9)"), err.toString());
    }

    @Test
    void imagesThatCannotBeConvertedToTheModelsInputAreRefused() throws Exception {
        // images of another size or of grey for an RGB model are converted as read; 2 channels cannot be made of grey
        Path two = Files.write(dir.resolve("two.pwb"), new WeightCodec().encode(randomNetwork("2x28x28 flatten dense10")));
        assertTrue(refused("eval", "--model", two.toString(), "--samples", "100").endsWith(
                "its images are 1x28x28, but the model takes 2x28x28 (images of 1 channel cannot be converted to 2"
                        + " channels (grey and RGB can))"), err.toString());
    }

    @Test
    void trainingTechniquesWithoutTrainingDataAreRefusedBeforeAnyWork() throws Exception {
        Path idx = idxFolder("t10k-only", 28, 28, new byte[] {1, 2, 3, 4});
        String message = refused("eval", "--data", idx.toString(), "--prune", "0.5", "--finetune-epochs", "1",
                "--quant", "static");
        assertTrue(message.startsWith("paretowb: fine-tuning, static int8 calibration need training data, and there"
                + " is none: " + idx + " holds no training files (train-images-idx3-ubyte and train-labels-idx1-ubyte"
                + " beside the t10k files). Give --train-data"), message);
        err.getBuffer().setLength(0);
        Path folder = dir.resolve("pngs");
        Files.createDirectories(folder.resolve("3"));
        ImageFolder.writePng(new byte[28 * 28], 0, 28, 28, folder.resolve("3").resolve("a.png"));
        assertTrue(refused("sweep", "--data", folder.toString(), "--grid", "finetune=0,1", "--out",
                dir.resolve("p.csv").toString()).contains("fine-tuning needs training data, and there is none: "
                + folder + " is evaluation data and is not split"), err.toString());
        err.getBuffer().setLength(0);
        Path nowhere = dir.resolve("nowhere");
        assertEquals("paretowb: no training data at " + nowhere, refused("eval", "--train-data", nowhere.toString(),
                "--quant", "static"));
    }

    @Test
    void aSweepOnSparkWithoutTheJobJarOrWithTrainingRecipesIsRefusedInOneLine() {
        String out = dir.resolve("s.csv").toString();
        assertTrue(refused("sweep", "--grid", "prune=0,0.5", "--samples", "100", "--spark", "local[2]", "--out", out)
                .startsWith("paretowb: --spark local[2]: no Spark lane on the class path"), err.toString());
        err.getBuffer().setLength(0);
        assertTrue(refused("sweep", "--grid", "finetune=0,1", "--spark", "local[2]", "--out", out)
                .startsWith("paretowb: --spark: recipes that fine-tune, distil or calibrate"), err.toString());
    }

    @Test
    void aProcessSpreadOfTooFewProcessesIsRefusedBeforeAnyIsStarted() {
        assertEquals("paretowb: --runs must be 3 to 100, got 2", refused("bench", "processes", "--runs", "2"));
    }

    @Test
    void aSearchOnSparkIsRefusedInOneLineForTimedObjectivesTrainingSpacesOrWithoutTheJobJar() {
        assertTrue(refused("search", "--minimise", "latency", "--spark", "local[2]")
                .startsWith("paretowb: --spark: a search on Spark minimises bytes or macs; batch-1 latency p50 timed on"
                        + " the executors is not comparable"), err.toString());
        err.getBuffer().setLength(0);
        assertTrue(refused("search", "--maximise", "throughput", "--spark", "local[2]")
                .startsWith("paretowb: --spark: a search on Spark minimises bytes or macs; throughput"), err.toString());
        err.getBuffer().setLength(0);
        // the built-in space holds static int8, which calibrates on training images
        assertTrue(refused("search", "--minimise", "bytes", "--spark", "local[2]")
                .startsWith("paretowb: --spark: recipes that fine-tune, distil or calibrate"), err.toString());
        err.getBuffer().setLength(0);
        assertTrue(refused("search", "--minimise", "bytes", "--space", "../services/docs/search-spaces/portable.json",
                "--budget-evals", "2", "--spark", "local[2]")
                .startsWith("paretowb: --spark local[2]: no Spark lane on the class path"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals("paretowb: --run-id names a run on Spark; give it with --spark",
                refused("search", "--minimise", "bytes", "--run-id", "r1"));
    }

    @Test
    void emptyFoldersAndCorruptImagesAreNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(refused("eval", "--data", empty.toString()).endsWith(empty + " is empty: put the t10k idx files,"
                + " or one sub-folder of images per class, in it"), err.toString());
        err.getBuffer().setLength(0);
        Path folder = dir.resolve("classes");
        Files.createDirectories(folder.resolve("0"));
        Files.createDirectories(folder.resolve("1"));
        ImageFolder.writePng(new byte[28 * 28], 0, 28, 28, folder.resolve("1").resolve("a.png"));
        assertTrue(refused("eval", "--data", folder.toString()).endsWith(folder.resolve("0")
                + " holds no PNG or JPEG image"), err.toString());
        err.getBuffer().setLength(0);
        Path corrupt = Files.writeString(folder.resolve("0").resolve("scan.png"), "not really a picture");
        assertTrue(refused("eval", "--data", folder.toString()).contains(corrupt + " is not a readable"),
                err.toString());
    }

    @Test
    void anInputShapeThatDoesNotFitTheModelIsRefused() {
        assertEquals("paretowb: cnn: input shape 3x32x32 does not fit the model: it takes 1x28x28",
                refused("eval", "--input-shape", "3,32,32"));
    }

    private static WeightSet randomNetwork(String description) {
        NetworkSpec spec = NetworkSpec.parse(description);
        Random random = new Random(1);
        List<Tensor> tensors = new ArrayList<>();
        int i = 0;
        for (long[] shape : spec.parameterShapes()) {
            float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int v = 0; v < values.length; v++) {
                values[v] = (float) random.nextGaussian() * 0.01f;
            }
            tensors.add(new Tensor("p" + i++, shape, values));
        }
        return new WeightSet(spec, tensors);
    }

    /** A folder with t10k idx files of {@code labels.length} blank images. */
    private Path idxFolder(String name, int rows, int cols, byte[] labels) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(images);
        out.writeInt(0x803);
        out.writeInt(labels.length);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(new byte[labels.length * rows * cols]);
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), images.toByteArray());
        ByteArrayOutputStream labelFile = new ByteArrayOutputStream();
        DataOutputStream l = new DataOutputStream(labelFile);
        l.writeInt(0x801);
        l.writeInt(labels.length);
        l.write(labels);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labelFile.toByteArray());
        return folder;
    }
}
