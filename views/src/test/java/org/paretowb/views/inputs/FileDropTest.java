package org.paretowb.views.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropTest {
    @TempDir
    Path dir;

    @Test
    void aModelFileOpensAsAModelAndAFolderOrCsvAsData() throws Exception {
        File onnx = Files.writeString(dir.resolve("net.ONNX"), "x").toFile();
        File pwb = Files.writeString(dir.resolve("net.pwb"), "x").toFile();
        File csv = Files.writeString(dir.resolve("rows.csv"), "x").toFile();
        File folder = Files.createDirectories(dir.resolve("images")).toFile();
        File text = Files.writeString(dir.resolve("notes.txt"), "x").toFile();

        assertEquals(FileDrop.MODEL, FileDrop.of(List.of(onnx)));
        assertEquals(FileDrop.MODEL, FileDrop.of(List.of(pwb)));
        assertEquals(FileDrop.DATA, FileDrop.of(List.of(folder)));
        assertEquals(FileDrop.DATA, FileDrop.of(List.of(csv)));
        assertEquals(FileDrop.NONE, FileDrop.of(List.of(text)));
        assertEquals(FileDrop.NONE, FileDrop.of(List.of(onnx, folder)), "one thing at a time");
        assertEquals(FileDrop.NONE, FileDrop.of(List.of()));
    }
}
