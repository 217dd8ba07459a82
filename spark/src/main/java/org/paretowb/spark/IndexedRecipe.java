package org.paretowb.spark;

import java.io.Serializable;

/** A recipe of the batch as it travels: its place in the batch and its JSON text (as the workspace stores it). */
record IndexedRecipe(int index, String recipe) implements Serializable {
}
