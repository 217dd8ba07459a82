package org.paretowb.spark;

import java.io.Serializable;

/**
 * A recipe of the batch as it travels: its place in the batch, its JSON text (as the workspace stores it) and on how
 * many of the job's images it is measured (0: all of them).
 */
record IndexedRecipe(int index, String recipe, int samples) implements Serializable {
}
