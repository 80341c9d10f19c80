package io.gridcast.grid;

import java.io.Serializable;

/**
 * A bus of the transmission network.
 *
 * @param busId the bus number the case file uses (not necessarily contiguous)
 * @param name bus name, or empty
 * @param type bus type as in MATPOWER: 1 load (PQ), 2 generator (PV), 3 reference, 4 isolated
 * @param loadMw real-power demand
 * @param shuntConductanceMw real power drawn by the shunt conductance at 1 p.u. voltage,
 *     counted as extra load in the DC model
 * @param area control area number
 * @param baseKv nominal voltage
 */
public record GridBus(int busId, String name, int type, double loadMw,
        double shuntConductanceMw, int area, double baseKv) implements Serializable {

    public static final int REFERENCE = 3;
    public static final int ISOLATED = 4;

    /** Returns the demand of this bus in the DC power flow: load plus shunt conductance. */
    public double dcDemandMw() {
        return loadMw + shuntConductanceMw;
    }

    /** Returns whether the case marks this bus as the reference (slack) bus of its island. */
    public boolean isReference() {
        return type == REFERENCE;
    }
}
