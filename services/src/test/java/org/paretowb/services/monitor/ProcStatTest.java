package org.paretowb.services.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void theMachinesLineIsReadInTickTypeOrderInMilliseconds() {
        long[] millis = ProcStat.machine("cpu  2772483 3673683 291394 920539 4386 0 3988 22172 0 0");

        assertArrayEquals(new long[] {27724830, 36736830, 2913940, 9205390, 43860, 0, 39880, 221720}, millis);
        assertThrows(IllegalArgumentException.class, () -> ProcStat.machine("cpu0 1 2 3 4 5 6 7 8 0 0"));
    }

    @Test
    void theProcessTicksAreUserAndSystemCountedAfterTheCommandName() {
        // a command name with a space and a parenthesis: fields are counted after the last ')'
        String line = "4823 (java (x) y) S 1 4823 4819 0 -1 4194560 52310 0 1 0 633 54 0 0 20 0 25 0 3718 0 0";

        assertEquals(687, ProcStat.parse(line));
    }

    @Test
    void aMarkOfAnIdleStretchCountsNoOtherProcesses() {
        OtherProcesses.Mark before = new OtherProcesses.Mark(new long[] {1000, 0, 100, 5000, 0, 0, 0, 0}, 400);
        OtherProcesses.Mark after = new OtherProcesses.Mark(new long[] {1300, 0, 110, 5690, 0, 0, 0, 0}, 710);

        assertEquals(0.0, OtherProcesses.share(before, after));
    }
}
