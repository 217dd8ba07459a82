package org.paretowb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code groups} lists the layers structured pruning thins together, and what a ratio keeps of each. */
class GroupsCommandTest {
    @Test
    void theCnnsGroupsWithWhatHalfKeeps() {
        Cli.Run run = Cli.run("groups", "--model", "cnn", "--structured", "0.5");

        assertEquals(0, run.exit(), run.err());
        assertEquals("""
                Example CNN conv16-conv32-128-10: 3 groups, 176 units, 88 kept (L1, layer scope, 50% asked)
                  1  8 of 16     conv1
                  2  16 of 32    conv2
                  3  64 of 128   fc1
                """, run.out());
    }

    @Test
    void aRatioOfOneIsRefusedInOneLine() {
        Cli.Run run = Cli.run("groups", "--model", "cnn", "--structured", "1");

        assertEquals(2, run.exit());
        assertEquals("paretowb: --structured: structured pruning ratio must be at least 0 and below 1, got 1.0",
                run.err().strip());
    }
}
