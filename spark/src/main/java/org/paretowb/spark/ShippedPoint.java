package org.paretowb.spark;

import java.io.Serializable;

/** A measured recipe on its way back to the driver: its place in the batch, measurement and environment as JSON. */
record ShippedPoint(int index, String measurement, String environment) implements Serializable {
}
