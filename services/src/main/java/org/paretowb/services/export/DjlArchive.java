package org.paretowb.services.export;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.paretowb.models.network.NetworkSpec;
import org.paretowb.models.network.Tensor;
import org.paretowb.models.network.WeightCodec;
import org.paretowb.models.network.WeightFileException;
import org.paretowb.models.network.WeightSet;
import org.paretowb.services.runtime.LoadedNetwork;
import org.paretowb.services.runtime.PyTorchRuntime;

/**
 * The "djl" export: one zip file holding DJL's own parameter file ({@value #PARAMS}, written by
 * {@code Model.save}), the network description it loads into ({@value #NETWORK}: build the block with
 * {@code NetworkSpec.parse(text).newBlock()}, then {@code Model.load(folder, "model")}), and the workbench's
 * PWB1 file ({@value #PACKED}: the same weights, with quantized tensors as packed integer codes). Reading
 * one back checks that the two agree.
 */
public final class DjlArchive {
    public static final String NETWORK = "network.txt";
    public static final String PARAMS = "model-0000.params";
    public static final String PACKED = "weights.pwb";
    static final String README = "README.txt";

    private final PyTorchRuntime runtime;

    public DjlArchive(PyTorchRuntime runtime) {
        this.runtime = runtime;
    }

    public byte[] write(WeightSet weights) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("paretowb-djl");
            try (LoadedNetwork network = LoadedNetwork.load(weights, runtime);
                 Model model = Model.newInstance("model", runtime.engine().getEngineName())) {
                model.setBlock(network.block());
                model.save(folder, "model");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, README, readme(weights).getBytes(StandardCharsets.UTF_8));
                put(zip, NETWORK, weights.spec().describe().getBytes(StandardCharsets.UTF_8));
                put(zip, PARAMS, Files.readAllBytes(folder.resolve(PARAMS)));
                put(zip, PACKED, new WeightCodec().encode(weights));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DJL parameters: " + e.getMessage(), e);
        } finally {
            delete(folder);
        }
    }

    /** Reads an archive back; {@code source} names it in messages. */
    public WeightSet read(byte[] archive, String source) throws WeightFileException {
        Map<String, byte[]> entries = entries(archive, source);
        for (String name : new String[] {NETWORK, PARAMS, PACKED}) {
            if (!entries.containsKey(name)) {
                throw new WeightFileException(source + " is not a workbench DJL export: it has no " + name);
            }
        }
        NetworkSpec spec;
        try {
            spec = NetworkSpec.parse(new String(entries.get(NETWORK), StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new WeightFileException(source + ": " + NETWORK + " is not a network description: " + e.getMessage());
        }
        WeightSet packed = new WeightCodec().read(new ByteArrayInputStream(entries.get(PACKED)), source + "!" + PACKED);
        WeightSet djl = loadParams(spec, entries.get(PARAMS), source);
        requireSame(djl, packed, source);
        return packed;
    }

    private WeightSet loadParams(NetworkSpec spec, byte[] params, String source) throws WeightFileException {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("paretowb-djl");
            Files.write(folder.resolve(PARAMS), params);
            try (Model model = Model.newInstance("model", runtime.engine().getEngineName())) {
                model.setBlock(spec.newBlock());
                model.load(folder, "model");
                return LoadedNetwork.weightsOf(spec, model.getBlock());
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new WeightFileException(source + ": DJL cannot load " + PARAMS + " into " + spec.describe() + ": "
                    + e.getMessage(), e);
        } finally {
            delete(folder);
        }
    }

    private static void requireSame(WeightSet djl, WeightSet packed, String source) throws WeightFileException {
        if (djl.tensors().size() != packed.tensors().size()) {
            throw new WeightFileException(source + ": the DJL parameters and the packed weights differ in count");
        }
        for (int i = 0; i < djl.tensors().size(); i++) {
            Tensor a = djl.tensors().get(i);
            Tensor b = packed.tensors().get(i);
            if (!sameValues(a.values(), b.values())) {
                throw new WeightFileException(source + ": the DJL parameters and the packed weights disagree in "
                        + b.name());
            }
        }
    }

    /** Equal values (a pruned weight may be -0.0 in one and 0.0 in the other: the same number). */
    private static boolean sameValues(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !(Float.isNaN(a[i]) && Float.isNaN(b[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, byte[]> entries(byte[] archive, String source) throws WeightFileException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (ZipException e) {
            throw new WeightFileException(source + " is not a zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new WeightFileException(source + " cannot be read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new WeightFileException(source + " is not a zip archive (or is empty)");
        }
        return entries;
    }

    private static String readme(WeightSet weights) {
        return """
                Pareto Workbench export for DJL (PyTorch engine)

                network.txt        the network description: NetworkSpec.parse(text).newBlock() builds the block
                model-0000.params  DJL's parameter file for that block: model.setBlock(block); model.load(folder, "model")
                weights.pwb        the same weights in the workbench's PWB1 file (quantized tensors as packed integer codes)

                Network: %s
                """.formatted(weights.spec().describe());
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the export for
        }
    }
}
